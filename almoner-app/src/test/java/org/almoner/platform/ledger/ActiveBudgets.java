package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.almoner.platform.Api;
import org.almoner.platform.Samples;

/** Makes a person with an active budget through the API, as a budget team would. */
public final class ActiveBudgets {

    /** An active budget and its person. */
    public record ActiveBudget(UUID person, UUID budget) {}

    private ActiveBudgets() {}

    /**
     * A budget of three lines: 0 "Personal assistant" 1,000.00 direct payment; 1 "Home care" from DCA01
     * 2,000.00 notional; 2 "Peer support" from V0002 500.00 third party (held by BROKERAGE1).
     */
    public static ActiveBudget start(int port, String coordinatorName, String approverName) {
        return start(port, coordinatorName, approverName, "CHC");
    }

    public static ActiveBudget start(int port, String coordinatorName, String approverName, String cohort) {
        Api coordinator = Api.as(port, coordinatorName);
        Api.Response person = coordinator.post("/api/people", Map.of("givenName", "Lee", "familyName", "Ledger-" + UUID.randomUUID(),
                "dateOfBirth", "1975-05-05", "sex", "9"));
        String personId = person.text("id");
        Map<String, Object> referralBody = new LinkedHashMap<>(Samples.referral());
        referralBody.put("cohort", cohort);
        String referral = coordinator.post("/api/people/" + personId + "/referrals", referralBody).text("id");
        coordinator.post("/api/referrals/" + referral + "/eligibility", Samples.eligible());
        String budget = coordinator.post("/api/people/" + personId + "/budgets", Map.of("lines", List.of(Samples.indicativeLine())))
                .json().path("budget").path("id").asString();
        Map<String, Object> plan = new LinkedHashMap<>(Samples.plan(null));
        plan.put("lines", List.of(
                Samples.line("Personal assistant", null, 100, "10.00", "NHS", "DIRECT_PAYMENT"),
                Samples.line("Home care", "DCA01", 100, "20.00", "NHS", "NOTIONAL"),
                Samples.line("Peer support", "V0002", 50, "10.00", "NHS", "THIRD_PARTY")));
        String planId = coordinator.post("/api/people/" + personId + "/plans", plan).text("id");
        assertThat(coordinator.post("/api/plans/" + planId + "/agree", null).status()).isEqualTo(201);
        coordinator.post("/api/budgets/" + budget + "/direct-payment/suitability", Map.of("suitable", true, "note", "Able to manage"));
        Api.Response submitted = coordinator.post("/api/budgets/" + budget + "/submit", Map.of("planId", planId));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        Api.Response decided = Api.as(port, approverName).post("/api/budgets/" + budget + "/decisions",
                Map.of("approved", true, "reasons", "ok", "asPanel", true));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        Api.Response active = coordinator.post("/api/budgets/" + budget + "/activate", Map.of("startDate", "2026-04-01"));
        assertThat(active.status()).as(active.toString()).isEqualTo(200);
        return new ActiveBudget(UUID.fromString(personId), UUID.fromString(budget));
    }
}
