package org.almoner.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.Samples;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input on every endpoint that takes input: a problem document (RFC 9457) with a stable code,
 * naming the field where there is one, never a 500, and nothing changed.
 */
@PlatformTest
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    /** A bad request, who sends it, and the answer it must get. */
    private record Case(String caller, String method, String path, Object body, int status, String code, String field) {}

    /** Every endpoint with a JSON body, sent by a caller allowed to use it on the "own" person. */
    private static final List<String[]> BODY_ENDPOINTS = List.of(
            new String[] {"coordinator", "POST", "/api/people"},
            new String[] {"coordinator", "POST", "/api/people/{person}/representatives"},
            new String[] {"coordinator", "POST", "/api/people/{person}/care-team"},
            new String[] {"coordinator", "POST", "/api/people/{person}/representatives/5d1e8a52-0000-4000-8000-00000000e0d0/end"},
            new String[] {"coordinator", "POST", "/api/people/{person}/care-team/clinician/end"},
            new String[] {"coordinator", "POST", "/api/people/{person}/referrals"},
            new String[] {"coordinator", "POST", "/api/referrals/{referral}/eligibility"},
            new String[] {"coordinator", "POST", "/api/people/{person}/plans"},
            new String[] {"coordinator", "PUT", "/api/plans/{plan}/draft"},
            new String[] {"coordinator", "POST", "/api/people/{person}/budgets"},
            new String[] {"coordinator", "POST", "/api/budgets/{budget}/submit"},
            new String[] {"approver", "POST", "/api/budgets/{budget}/decisions"},
            new String[] {"coordinator", "POST", "/api/budgets/{budget}/activate"},
            new String[] {"coordinator", "POST", "/api/budgets/{budget}/direct-payment/suitability"},
            new String[] {"coordinator", "POST", "/api/budgets/{budget}/direct-payment/withhold"},
            new String[] {"coordinator", "POST", "/api/budgets/{budget}/mechanism-changes"},
            new String[] {"approver", "POST", "/api/budgets/{budget}/mechanism-changes/{change}/decision"},
            new String[] {"coordinator", "POST", "/api/reviews/{review}/complete"},
            new String[] {"administrator", "POST", "/api/accounts"},
            new String[] {"administrator", "PUT", "/api/pathways/CHC"});

    @TestFactory
    Stream<DynamicTest> malformedJsonIsRefusedWithItsPlace() {
        TestWorld world = TestWorld.on(port, accounts);
        return BODY_ENDPOINTS.stream().map(endpoint -> dynamicTest(endpoint[1] + " " + endpoint[2] + " with broken JSON", () -> {
            Api.Response response = Api.as(port, endpoint[0]).send(endpoint[1], fill(endpoint[2], world), "{\"reason\": \"unfinished",
                    "application/json");
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("code")).isEqualTo("UNREADABLE_REQUEST");
            assertThat(response.text("detail")).contains("line 1").doesNotContain("tools.jackson").doesNotContain("java.");
        }));
    }

    @TestFactory
    Stream<DynamicTest> misspeltFieldsAreNeverSilentlyAccepted() {
        TestWorld world = TestWorld.on(port, accounts);
        return BODY_ENDPOINTS.stream().map(endpoint -> dynamicTest(endpoint[1] + " " + endpoint[2] + " with an unknown field", () -> {
            Api.Response response = Api.as(port, endpoint[0]).post(fill(endpoint[2], world), Map.of("reasonn", "typo"));
            Api.Response sent = endpoint[1].equals("PUT")
                    ? Api.as(port, endpoint[0]).put(fill(endpoint[2], world), Map.of("reasonn", "typo")) : response;
            assertThat(sent.status()).as(sent.toString()).isEqualTo(400);
            // Either the misspelt field is named, or (when a record is built before Jackson reaches it)
            // the required field it failed to fill is.
            assertThat(sent.text("detail").contains("'reasonn' is not a field") || !sent.text("field").isEmpty())
                    .as(sent.toString()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> missingOrWrongValuesNameTheirField() {
        TestWorld world = TestWorld.on(port, accounts);
        Map<String, Object> planWithBadLine = new LinkedHashMap<>(Samples.plan(null));
        planWithBadLine.put("lines", List.of(Samples.line("Cleaner", null, 10, "-5.00", "NHS", "NOTIONAL")));
        Map<String, Object> planWithWrongTotal = new LinkedHashMap<>(Samples.plan(null));
        Map<String, Object> line = new LinkedHashMap<>(Samples.line("Cleaner", null, 10, "5.00", "NHS", "NOTIONAL"));
        line.put("annualCost", "60.00");
        planWithWrongTotal.put("lines", List.of(line));
        List<Case> cases = new ArrayList<>(List.of(
                new Case("coordinator", "POST", "/api/people", Map.of("givenName", "A", "familyName", "B", "dateOfBirth", "1990-02-30", "sex", "1"),
                        400, "UNREADABLE_REQUEST", "dateOfBirth"),
                new Case("coordinator", "POST", "/api/people", Map.of("givenName", "A", "familyName", "B", "dateOfBirth", "1990-02-03", "sex", "M"),
                        400, "INVALID_REQUEST", "sex"),
                new Case("coordinator", "POST", "/api/people", Map.of("givenName", "A", "familyName", "B", "dateOfBirth", "1990-02-03", "sex", "1",
                        "nhsNumber", "9990000019"), 400, "INVALID_REQUEST", "nhsNumber"),
                new Case("coordinator", "POST", "/api/people", Map.of("familyName", "B", "dateOfBirth", "1990-02-03", "sex", "1"),
                        400, "INVALID_REQUEST", "givenName"),
                new Case("coordinator", "POST", "/api/people/{person}/representatives", Map.of("kind", "FRIEND", "name", "x", "relationship", "y"),
                        400, "UNREADABLE_REQUEST", "kind"),
                new Case("coordinator", "POST", "/api/people/{person}/care-team", Map.of("username", "nobody-here"),
                        400, "INVALID_REQUEST", "username"),
                new Case("coordinator", "POST", "/api/people/{person}/care-team/clinician/end", Map.of("reason", ""),
                        400, "INVALID_REQUEST", "reason"),
                new Case("coordinator", "POST", "/api/people/{person}/representatives/5d1e8a52-0000-4000-8000-00000000e0d0/end",
                        Map.of("reason", "Stepped down"), 404, "REPRESENTATIVE_NOT_FOUND", "representativeId"),
                new Case("coordinator", "POST", "/api/people/{person}/referrals", Map.of("cohort", "NO_SUCH", "source", "GP",
                        "referrerName", "Dr A", "reason", "r"), 404, "PATHWAY_NOT_FOUND", "cohort"),
                new Case("coordinator", "POST", "/api/people/{person}/referrals", Map.of("cohort", "CHC", "source", "GP",
                        "referrerName", "Dr A", "reason", "r", "receivedOn", "2999-01-01"), 400, "INVALID_REQUEST", "receivedOn"),
                new Case("coordinator", "POST", "/api/referrals/{referral}/eligibility", Map.of("eligible", false, "basis", "LOCAL_CRITERIA",
                        "localCriteria", "Frailty"), 400, "INVALID_REQUEST", "reasons"),
                new Case("coordinator", "POST", "/api/referrals/{decidedReferral}/eligibility", Samples.eligible(),
                        409, "REFERRAL_ALREADY_DECIDED", null),
                new Case("coordinator", "POST", "/api/people/{person}/plans", planWithBadLine, 400, "INVALID_REQUEST", "lines[0].unitCost"),
                new Case("coordinator", "POST", "/api/people/{person}/plans", planWithWrongTotal, 400, "INVALID_REQUEST", "lines[0].annualCost"),
                new Case("coordinator", "PUT", "/api/plans/{plan}/draft", Map.of("outcomes", List.of(Map.of("measure", "m"))),
                        400, "INVALID_REQUEST", "outcomes[0].description"),
                new Case("coordinator", "POST", "/api/people/{person}/budgets", Map.of("lines", List.of(Map.of("service", "x",
                        "unitsPerYear", "lots", "costPerUnit", 1))), 400, "UNREADABLE_REQUEST", "lines[0].unitsPerYear"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/submit", Map.of(), 400, "INVALID_REQUEST", "planId"),
                new Case("approver", "POST", "/api/budgets/{budget}/decisions", Map.of("reasons", "r"), 400, "INVALID_REQUEST", "approved"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/activate", Map.of("startDate", "soon"), 400, "UNREADABLE_REQUEST", "startDate"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/direct-payment/suitability", Map.of("suitable", true),
                        400, "INVALID_REQUEST", "note"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/direct-payment/withhold", Map.of(), 400, "INVALID_REQUEST", "reason"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/mechanism-changes", Map.of("notional", "1.005", "reason", "r"),
                        400, "INVALID_REQUEST", "notional"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/mechanism-changes", Map.of("notional", "10.00", "reason", "r"),
                        422, "MECHANISM_SPLIT_MISMATCH", "notional"),
                new Case("coordinator", "POST", "/api/budgets/{budget}/mechanism-changes", Map.of("thirdParty", "10.00", "reason", "r"),
                        400, "INVALID_REQUEST", "thirdPartyOrganisation"),
                new Case("approver", "POST", "/api/budgets/{budget}/mechanism-changes/{change}/decision", Map.of("approved", true),
                        400, "INVALID_REQUEST", "reasons"),
                new Case("coordinator", "POST", "/api/reviews/{review}/complete", Map.of("heldOn", "2999-01-01", "outcome", "o"),
                        400, "INVALID_REQUEST", "heldOn"),
                new Case("administrator", "POST", "/api/accounts", Map.of("username", "Bad Name", "displayName", "x",
                        "password", "long-enough-pass", "role", "AUDITOR", "organisation", "NORTH"), 400, "INVALID_REQUEST", "username"),
                new Case("administrator", "POST", "/api/accounts", Map.of("username", "shortpass", "displayName", "x",
                        "password", "short", "role", "AUDITOR", "organisation", "NORTH"), 400, "INVALID_REQUEST", "password"),
                new Case("administrator", "PUT", "/api/pathways/CHC", Map.of("cohort", "CHC"), 400, "INVALID_REQUEST", "description"),
                new Case("coordinator", "GET", "/api/people/not-an-id", null, 400, "INVALID_REQUEST", "personId"),
                new Case("coordinator", "GET", "/api/people/00000000-0000-0000-0000-000000000000", null, 404, "PERSON_NOT_FOUND", "personId"),
                new Case("coordinator", "GET", "/api/plans/00000000-0000-0000-0000-000000000000", null, 404, "PLAN_NOT_FOUND", "planId"),
                new Case("coordinator", "GET", "/api/plans/{plan}/versions/99", null, 404, "PLAN_VERSION_NOT_FOUND", "version"),
                new Case("coordinator", "GET", "/api/budgets/00000000-0000-0000-0000-000000000000", null, 404, "BUDGET_NOT_FOUND", "budgetId"),
                new Case("coordinator", "POST", "/api/people/{person}/plans/fhir", "{\"resourceType\":\"Patient\"}", 422, "FHIR_INVALID", "Bundle"),
                new Case("coordinator", "POST", "/api/people/{person}/plans/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}",
                        422, "FHIR_INVALID", "Bundle.entry")));
        return cases.stream().map(bad -> dynamicTest(bad.method() + " " + bad.path() + " " + bad.body() + " -> " + bad.code(), () -> {
            Api.Response response = Api.as(port, bad.caller()).send(bad.method(), fill(bad.path(), world), bad.body(), "application/json");
            assertThat(response.status()).as(response.toString()).isEqualTo(bad.status());
            assertThat(response.text("code")).as(response.toString()).isEqualTo(bad.code());
            if (bad.field() != null) {
                assertThat(response.text("field")).as(response.toString()).isEqualTo(bad.field());
            }
            assertThat(response.text("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }));
    }

    private static String fill(String path, TestWorld world) {
        String filled = path;
        for (Map.Entry<String, String> id : world.own.ids().entrySet()) {
            filled = filled.replace(id.getKey(), id.getValue());
        }
        return filled;
    }
}
