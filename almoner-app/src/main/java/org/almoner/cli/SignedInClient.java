package org.almoner.cli;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A benchmark's API client: signs in once and keeps its session, as a real integration would. */
final class SignedInClient {

    private final KeepAliveHttpClient http;
    private final String authorization;

    SignedInClient(int port, String username, String password) {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        this.http = new KeepAliveHttpClient("localhost", port);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    KeepAliveHttpClient.Answer get(String path) {
        return http.send("GET", path, Map.of("Authorization", authorization), null);
    }

    KeepAliveHttpClient.Answer post(String path, String key, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", "application/json");
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return http.send("POST", path, headers, body);
    }

    /**
     * Takes a new person from referral to an active budget through the API, as this client (a
     * coordinator) with {@code approver} deciding, and returns the budget's id.
     */
    String activeBudget(SignedInClient approver) {
        SignedInClient coordinator = this;
        String person = field(coordinator.post("/api/people", null, "{\"givenName\":\"Bench\",\"familyName\":\"Mark\",\"dateOfBirth\":\"1960-01-01\",\"sex\":\"9\"}").body(), "id");
        String referral = field(coordinator.post("/api/people/" + person + "/referrals", null,
                "{\"cohort\":\"CHC\",\"source\":\"GP\",\"referrerName\":\"Dr B\",\"reason\":\"benchmark\"}").body(), "id");
        coordinator.post("/api/referrals/" + referral + "/eligibility", null,
                "{\"eligible\":true,\"basis\":\"NHS_CONTINUING_HEALTHCARE\",\"reasons\":\"benchmark\"}");
        String budget = field(coordinator.post("/api/people/" + person + "/budgets", null,
                "{\"lines\":[{\"service\":\"Home care\",\"unitsPerYear\":1,\"costPerUnit\":\"1000000.00\",\"includedInBudget\":true}]}").body(), "id");
        String plan = field(coordinator.post("/api/people/" + person + "/plans", null, ("{\"aboutMe\":{\"whatMattersToMe\":\"Home\"},"
                + "\"outcomes\":[{\"description\":\"Stay at home\"}],\"lines\":[{\"support\":\"Home care\",\"provider\":\"DCA01\","
                + "\"frequency\":\"daily\",\"unitsPerYear\":1,\"unit\":\"year\",\"unitCost\":\"1000000.00\",\"fundingSource\":\"NHS\","
                + "\"management\":\"NOTIONAL\"}],\"agreement\":{\"agreedBy\":\"PERSON\",\"name\":\"B\",\"agreedOn\":\"%s\"},"
                + "\"plannedReview\":\"%s\"}").formatted(LocalDate.now(), LocalDate.now().plusMonths(6))).body(), "id");
        coordinator.post("/api/plans/" + plan + "/agree", null, "");
        coordinator.post("/api/budgets/" + budget + "/submit", null, "{\"planId\":\"" + plan + "\"}");
        approver.post("/api/budgets/" + budget + "/decisions", null, "{\"approved\":true,\"reasons\":\"benchmark\",\"asPanel\":true}");
        coordinator.post("/api/budgets/" + budget + "/activate", null, "{}");
        return budget;
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
