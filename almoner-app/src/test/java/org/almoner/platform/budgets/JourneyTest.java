package org.almoner.platform.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.Samples;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A person taken from referral to an active budget with reviews scheduled, through the API alone. */
@PlatformTest
class JourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void takesAPersonFromReferralToAnActiveBudgetWithReviewsScheduled() {
        TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator");
        Api approver = Api.as(port, "approver");

        Api.Response person = coordinator.post("/api/people", Map.of("nhsNumber", "999 000 0018", "givenName", "Jo", "familyName", "Journey",
                "dateOfBirth", "1961-07-14", "sex", "1", "postcode", "nf3 4cd"));
        assertThat(person.status()).as(person.toString()).isEqualTo(201);
        String personId = person.text("id");
        assertThat(person.json().path("postcode").asString()).isEqualTo("NF3 4CD");

        Api.Response referral = coordinator.post("/api/people/" + personId + "/referrals", Map.of("cohort", "SECTION_117",
                "source", "MENTAL_HEALTH_SERVICES", "referrerName", "Dr Patel", "referrerOrganisation", "R0D",
                "reason", "Section 117 aftercare; wants to choose own support"));
        assertThat(referral.text("status")).isEqualTo("RECEIVED");
        Api.Response decided = coordinator.post("/api/referrals/" + referral.text("id") + "/eligibility", Map.of("eligible", true,
                "basis", "SECTION_117_AFTERCARE", "reasons", "Detained under section 3; aftercare duty applies"));
        assertThat(decided.text("status")).isEqualTo("ELIGIBLE");
        assertThat(decided.json().path("eligibility").path("ageGroup").asString()).isEqualTo("ADULT");

        Api.Response indicative = coordinator.post("/api/people/" + personId + "/budgets", Map.of("lines", List.of(
                Map.of("provider", "R0D", "service", "Community mental health", "unitsPerYear", 40, "unit", "contact",
                        "costPerUnit", "150.00", "includedInBudget", true),
                Map.of("provider", "FA001", "service", "Prescriptions", "unitsPerYear", 24, "unit", "item", "costPerUnit", "9.50",
                        "includedInBudget", false, "whenCouldBeIncluded", "Never"))));
        assertThat(indicative.status()).as(indicative.toString()).isEqualTo(201);
        JsonNode budget = indicative.json().path("budget");
        assertThat(budget.path("indicativeAmount").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(budget.path("indicativeWorking").path("lines")).hasSize(2);
        assertThat(budget.path("eligibilityCategory").asString()).isEqualTo("SECTION_117_AFTERCARE");
        String budgetId = budget.path("id").asString();

        Map<String, Object> plan = new java.util.LinkedHashMap<>(Samples.plan("R0D"));
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Samples.line("Peer support worker", "R0D", 40, "150.00", "NHS", "THIRD_PARTY"));
        lines.add(Samples.line("Gym membership and travel", null, 12, "40.00", "NHS", "DIRECT_PAYMENT"));
        plan.put("lines", lines);
        Api.Response started = coordinator.post("/api/people/" + personId + "/plans", plan);
        String planId = started.text("id");
        Api.Response agreed = coordinator.post("/api/plans/" + planId + "/agree", null);
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(201);
        assertThat(agreed.json().path("counts").asBoolean()).isTrue();
        assertThat(agreed.json().path("totalAnnualCost").decimalValue()).isEqualByComparingTo("6480.00");

        Api.Response refused = coordinator.post("/api/budgets/" + budgetId + "/submit", Map.of("planId", planId));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("DIRECT_PAYMENT_NOT_ALLOWED");
        coordinator.post("/api/budgets/" + budgetId + "/direct-payment/suitability", Map.of("suitable", true,
                "note", "Manages own finances; agreed to keep receipts"));
        Api.Response submitted = coordinator.post("/api/budgets/" + budgetId + "/submit", Map.of("planId", planId));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode awaiting = submitted.json().path("budget");
        assertThat(awaiting.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(awaiting.path("finalAmount").decimalValue()).isEqualByComparingTo("6480.00");
        // 6,480 is within 10% of 6,000 and below the section 117 panel threshold, so one approver decides.
        assertThat(awaiting.path("approvalLevel").asString()).isEqualTo("APPROVER");
        assertThat(awaiting.path("mechanisms").path("thirdParty").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(awaiting.path("mechanisms").path("directPayment").decimalValue()).isEqualByComparingTo("480.00");
        assertThat(awaiting.path("approvalDueOn").asString()).isEqualTo(LocalDate.now().plusDays(10).toString());

        Api.Response approved = approver.post("/api/budgets/" + budgetId + "/decisions", Map.of("approved", true,
                "reasons", "Costs in line with the statement of resources"));
        assertThat(approved.json().path("budget").path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("decisions").get(0).path("decidedBy").asString()).isEqualTo("approver");

        LocalDate start = LocalDate.now().plusDays(7);
        Api.Response active = coordinator.post("/api/budgets/" + budgetId + "/activate", Map.of("startDate", start.toString(),
                "monthlyReviewsInFirstThreeMonths", true));
        assertThat(active.json().path("budget").path("status").asString()).isEqualTo("ACTIVE");

        JsonNode reviews = coordinator.get("/api/people/" + personId + "/reviews").json();
        List<String> scheduled = new ArrayList<>();
        reviews.forEach(review -> scheduled.add(review.path("kind").asString() + " " + review.path("dueOn").asString()));
        assertThat(scheduled).containsExactly(
                "EARLY_MONTHLY " + start.plusMonths(1),
                "EARLY_MONTHLY " + start.plusMonths(2),
                "DIRECT_PAYMENT_THREE_MONTH " + start.plusMonths(3),
                "ANNUAL " + start.plusYears(1));
        reviews.forEach(review -> assertThat(review.path("includesFinancialReview").asBoolean()).isTrue());

        accounts.create(new NewAccount("jo.journey", "Jo Journey", Api.PASSWORD, Role.BUDGET_HOLDER, TestWorld.NORTH,
                Optional.of(java.util.UUID.fromString(personId))));
        Api.Response ownBudget = Api.as(port, "jo.journey").get("/api/budgets/" + budgetId);
        assertThat(ownBudget.status()).isEqualTo(200);
        assertThat(ownBudget.json().path("budget").path("finalAmount").decimalValue()).isEqualByComparingTo(new BigDecimal("6480.00"));
    }

    @Test
    void withholdingADirectPaymentLeavesThePersonANotionalBudget() {
        TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator");
        String personId = coordinator.post("/api/people", Map.of("givenName", "Wynn", "familyName", "Withheld",
                "dateOfBirth", "1970-01-01", "sex", "2")).text("id");
        String referralId = coordinator.post("/api/people/" + personId + "/referrals", Samples.referral()).text("id");
        coordinator.post("/api/referrals/" + referralId + "/eligibility", Samples.eligible());
        String budgetId = coordinator.post("/api/people/" + personId + "/budgets", Map.of("lines", List.of(Samples.indicativeLine())))
                .json().path("budget").path("id").asString();
        Map<String, Object> plan = new java.util.LinkedHashMap<>(Samples.plan(null));
        plan.put("lines", List.of(Samples.line("Personal assistant", null, 100, "20.00", "NHS", "DIRECT_PAYMENT")));
        String planId = coordinator.post("/api/people/" + personId + "/plans", plan).text("id");
        coordinator.post("/api/plans/" + planId + "/agree", null);
        coordinator.post("/api/budgets/" + budgetId + "/direct-payment/suitability", Map.of("suitable", true, "note", "Able to manage"));
        coordinator.post("/api/budgets/" + budgetId + "/submit", Map.of("planId", planId));

        Api.Response withheld = coordinator.post("/api/budgets/" + budgetId + "/direct-payment/withhold",
                Map.of("reason", "Payments used for things outside the plan"));

        assertThat(withheld.status()).as(withheld.toString()).isEqualTo(200);
        JsonNode mechanisms = withheld.json().path("budget").path("mechanisms");
        assertThat(mechanisms.path("directPayment").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(mechanisms.path("notional").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(withheld.json().path("budget").path("directPaymentWithheldReason").asString()).contains("outside the plan");
        Api.Response change = coordinator.post("/api/budgets/" + budgetId + "/mechanism-changes",
                Map.of("notional", 0, "directPayment", 2000, "reason", "Try again"));
        assertThat(change.status()).isIn(409);
    }
}
