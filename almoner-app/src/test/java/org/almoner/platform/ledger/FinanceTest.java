package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class FinanceTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Reconciliation reconciliation;

    @BeforeEach
    void secondCommissioner() {
        TestWorld.on(port, accounts);
        if (accounts.find("commissioner2").isEmpty()) {
            accounts.create(new NewAccount("commissioner2", "Second commissioner", Api.PASSWORD, Role.COMMISSIONER, TestWorld.NORTH,
                    Optional.empty()));
        }
    }

    @Test
    void anUpliftShowsExactlyWhatWillChangeAndPostsOnlyWhenASecondPersonApproves() {
        ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver", "WHEELCHAIR");
        Api commissioner = Api.as(port, "commissioner");

        Api.Response proposed = commissioner.post("/api/ledger/uplifts", Map.of("percent", "3.5", "description", "Rate rise April 2027",
                "cohort", "WHEELCHAIR"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode change = proposed.json().path("changes").valueStream()
                .filter(row -> row.path("budgetId").asString().equals(budget.budget().toString())).findFirst().orElseThrow();
        assertThat(change.path("notional").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(change.path("thirdParty").decimalValue()).isEqualByComparingTo("17.50");
        assertThat(change.path("directPayment").decimalValue()).isEqualByComparingTo("35.00");
        assertThat(balances(budget).path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("2000.00");

        Api.Response sameperson = commissioner.post("/api/ledger/uplifts/" + proposed.text("id") + "/decision", Map.of("approved", true));
        assertThat(sameperson.status()).isEqualTo(409);
        assertThat(sameperson.text("code")).isEqualTo("SECOND_PERSON_REQUIRED");

        Api.Response approved = Api.as(port, "commissioner2").post("/api/ledger/uplifts/" + proposed.text("id") + "/decision",
                Map.of("approved", true));
        assertThat(approved.text("status")).isEqualTo("POSTED");
        JsonNode balances = balances(budget);
        assertThat(balances.path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("2070.00");
        assertThat(balances.path("BUDGET_THIRD_PARTY").decimalValue()).isEqualByComparingTo("517.50");
        assertThat(balances.path("BUDGET_DIRECT_PAYMENT").decimalValue()).isEqualByComparingTo("1035.00");
        assertThat(reconciliation.run().clean()).isTrue();
    }

    @Test
    void monitoringComparesTheMonthsSpendWithThePlansProfile() {
        ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver");
        Api.as(port, "coordinator").withKey(UUID.randomUUID().toString()).post("/api/budgets/" + budget.budget() + "/payments",
                Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "400.00", "planLine", 1, "description", "Home care"));

        String month = java.time.YearMonth.now().toString();
        JsonNode row = Api.as(port, "commissioner").get("/api/ledger/monitoring?month=" + month + "&sample=1000").json().valueStream()
                .filter(candidate -> candidate.path("budgetId").asString().equals(budget.budget().toString())).findFirst().orElseThrow();

        // 3,500 a year is 291.67 a month; 400 is over 120% of that.
        assertThat(row.path("monthlyProfile").decimalValue()).isEqualByComparingTo("291.67");
        assertThat(row.path("spent").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(row.path("spendFlag").asString()).isEqualTo("OVER_SPEND");
        assertThat(row.path("inAuditSample").asBoolean()).isTrue();
    }

    @Test
    void aClosedMonthTakesNoMorePostings() {
        ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver");
        Api commissioner = Api.as(port, "commissioner");
        String closedMonth = "2024-0" + (1 + new java.util.Random().nextInt(9));

        Api.Response closed = commissioner.post("/api/ledger/periods/" + closedMonth + "/close", null);
        Api.Response late = Api.as(port, "coordinator").withKey(UUID.randomUUID().toString()).post("/api/budgets/" + budget.budget() + "/payments",
                Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "10.00", "planLine", 1, "description", "Late invoice",
                        "effectiveOn", closedMonth + "-15"));
        Api.Response future = commissioner.post("/api/ledger/periods/2999-01/close", null);

        assertThat(closed.status()).isIn(204, 409);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("PERIOD_CLOSED");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("field")).isEqualTo("month");
    }

    private JsonNode balances(ActiveBudgets.ActiveBudget budget) {
        return Api.as(port, "coordinator").get("/api/budgets/" + budget.budget() + "/ledger").json().path("balances");
    }
}
