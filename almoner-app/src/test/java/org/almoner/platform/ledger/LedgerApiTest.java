package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Reconciliation reconciliation;

    private ActiveBudgets.ActiveBudget budget;
    private Api coordinator;

    @BeforeEach
    void startABudget() {
        TestWorld.on(port, accounts);
        budget = ActiveBudgets.start(port, "coordinator", "approver");
        coordinator = Api.as(port, "coordinator");
    }

    @Test
    void aBudgetThatStartsIsAllocatedItsMoneyByMechanism() {
        JsonNode ledger = ledger();

        assertThat(ledger.path("balances").path("BUDGET_DIRECT_PAYMENT").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(ledger.path("balances").path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(ledger.path("balances").path("BUDGET_THIRD_PARTY").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(ledger.path("available").decimalValue()).isEqualByComparingTo("3500.00");
        assertThat(ledger.path("transactions").get(0).path("kind").asString()).isEqualTo("ALLOCATION");
        assertThat(reconciliation.run().clean()).isTrue();
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstAnswerAndMoveNothingMore() {
        Map<String, Object> payment = Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "120.00", "planLine", 1,
                "description", "Home care, week 1");
        Api keyed = coordinator.withKey("pay-" + UUID.randomUUID());

        Api.Response first = keyed.post(path("/payments"), payment);
        Api.Response again = keyed.post(path("/payments"), payment);
        Api.Response different = keyed.post(path("/payments"), Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "121.00",
                "planLine", 1, "description", "Home care, week 1"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ledger().path("balances").path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("1880.00");
    }

    @Test
    void aPaymentBeyondWhatIsLeftIsRefusedAndNothingIsPosted() {
        Api.Response refused = coordinator.withKey(UUID.randomUUID().toString()).post(path("/payments"), Map.of("from", "NOTIONAL",
                "payee", "DCA01", "amount", "2000.01", "planLine", 1, "description", "Too much"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.text("detail")).contains("the notional budget").contains("2000.00");
        assertThat(ledger().path("transactions")).hasSize(1);
        assertThat(ledger().path("balances").path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("2000.00");
    }

    @Test
    void aPaymentOfAllThatIsLeftIsPostedNextInTheChainAfterARefusal() {
        coordinator.withKey(UUID.randomUUID().toString()).post(path("/payments"), Map.of("from", "NOTIONAL", "payee", "DCA01",
                "amount", "2000.01", "planLine", 1, "description", "Too much"));

        Api.Response everything = coordinator.withKey(UUID.randomUUID().toString()).post(path("/payments"), Map.of("from", "NOTIONAL",
                "payee", "DCA01", "amount", "2000.00", "planLine", 1, "description", "All of it"));

        assertThat(everything.status()).as(everything.toString()).isEqualTo(201);
        assertThat(everything.text("sequence")).isEqualTo("2");
        assertThat(ledger().path("balances").path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void whatABudgetMayPayForComesFromThePlan() {
        Api keyed = coordinator.withKey(UUID.randomUUID().toString());

        Api.Response wrongProvider = keyed.post(path("/payments"), Map.of("from", "NOTIONAL", "payee", "NH001", "amount", "10.00",
                "planLine", 1, "description", "x"));
        Api.Response wrongPot = keyed.post(path("/payments"), Map.of("from", "THIRD_PARTY", "payee", "DCA01", "amount", "10.00",
                "planLine", 1, "description", "x"));
        Api.Response noLine = keyed.post(path("/payments"), Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "10.00",
                "planLine", 9, "description", "x"));

        assertThat(wrongProvider.text("field")).isEqualTo("payee");
        assertThat(wrongPot.text("field")).isEqualTo("planLine");
        assertThat(noLine.text("detail")).contains("3 lines");
    }

    @Test
    void aPaymentOutsideThePlanWaitsForASecondPersonsApproval() {
        Api.Response waiting = coordinator.withKey(UUID.randomUUID().toString()).post(path("/payments"), Map.of("from", "NOTIONAL",
                "payee", "GARDEN01", "amount", "80.00", "description", "Garden clearance", "reason", "Trip hazard found at review"));
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(202);
        assertThat(ledger().path("transactions")).hasSize(1);

        Api.Response approved = Api.as(port, "approver").post("/api/ledger/payment-requests/" + waiting.text("id") + "/decision",
                Map.of("approved", true));

        assertThat(approved.text("status")).isEqualTo("APPROVED");
        JsonNode ledger = ledger();
        assertThat(ledger.path("balances").path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("1920.00");
        assertThat(ledger.path("transactions").get(1).path("postings").toString()).contains("GARDEN01");
    }

    @Test
    void directPaymentMoneyGoesToThePersonWhoReportsSpendWithAReceipt() throws Exception {
        coordinator.withKey(UUID.randomUUID().toString()).post(path("/direct-payment/transfers"), Map.of("amount", "300.00"));
        Api holder = holderFor();

        String boundary = "----almoner" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"spend\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"from\":\"DIRECT_PAYMENT\",\"amount\":\"45.50\",\"planLine\":0,\"description\":\"PA wages, 3 hours\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"payslip.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write("%PDF-1.4 payslip".getBytes(StandardCharsets.UTF_8));
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response spent = holder.withKey(UUID.randomUUID().toString()).sendBytes("POST", path("/direct-payment/spend"), form.toByteArray(),
                "multipart/form-data; boundary=" + boundary);

        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        JsonNode balances = ledger().path("balances");
        assertThat(balances.path("BUDGET_DIRECT_PAYMENT").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(balances.path("DIRECT_PAYMENT_HELD").decimalValue()).isEqualByComparingTo("254.50");
        assertThat(balances.path("DIRECT_PAYMENT_SPENT").decimalValue()).isEqualByComparingTo("45.50");

        Api.Response returned = coordinator.withKey(UUID.randomUUID().toString()).post(path("/direct-payment/returns"),
                Map.of("amount", "254.50", "reason", "Surplus clawed back at the three-month review"));
        assertThat(returned.status()).isEqualTo(201);
        assertThat(ledger().path("balances").path("DIRECT_PAYMENT_HELD").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void aReversalRestoresTheBalanceAndATransactionIsReversedOnlyOnce() {
        Api.Response paid = coordinator.withKey(UUID.randomUUID().toString()).post(path("/payments"), Map.of("from", "THIRD_PARTY",
                "payee", "V0002", "amount", "60.00", "planLine", 2, "description", "Peer support, May"));

        Api.Response reversed = coordinator.withKey(UUID.randomUUID().toString())
                .post("/api/ledger/transactions/" + paid.text("id") + "/reversal", Map.of("reason", "Session cancelled by the provider"));
        Api.Response twice = coordinator.withKey(UUID.randomUUID().toString())
                .post("/api/ledger/transactions/" + paid.text("id") + "/reversal", Map.of("reason", "Again"));

        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(201);
        assertThat(reversed.text("reverses")).isEqualTo(paid.text("id"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(ledger().path("balances").path("BUDGET_THIRD_PARTY").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(reconciliation.run().clean()).isTrue();
    }

    @Test
    void moneyMovesOnlyWithAnIdempotencyKey() {
        Api.Response refused = coordinator.post(path("/payments"), Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "1.00",
                "planLine", 1, "description", "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(refused.text("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void withholdingTheDirectPaymentMovesItsUnspentMoneyToTheNotionalBudget() {
        coordinator.withKey(UUID.randomUUID().toString()).post(path("/direct-payment/transfers"), Map.of("amount", "100.00"));

        coordinator.post("/api/budgets/" + budget.budget() + "/direct-payment/withhold", Map.of("reason", "Spending outside the plan"));

        JsonNode balances = ledger().path("balances");
        assertThat(balances.path("BUDGET_DIRECT_PAYMENT").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(balances.path("BUDGET_NOTIONAL").decimalValue()).isEqualByComparingTo("2900.00");
        assertThat(balances.path("DIRECT_PAYMENT_HELD").decimalValue()).isEqualByComparingTo("100.00");
        Api.Response transfer = coordinator.withKey(UUID.randomUUID().toString()).post(path("/direct-payment/transfers"),
                Map.of("amount", "1.00"));
        assertThat(transfer.status()).isEqualTo(409);
    }

    private Api holderFor() {
        String username = "holder-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new org.almoner.platform.access.NewAccount(username, "Holder", Api.PASSWORD,
                org.almoner.platform.access.Role.BUDGET_HOLDER, TestWorld.NORTH, java.util.Optional.of(budget.person())));
        return Api.as(port, username);
    }

    private JsonNode ledger() {
        Api.Response response = coordinator.get("/api/budgets/" + budget.budget() + "/ledger");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String path(String suffix) {
        return "/api/budgets/" + budget.budget() + suffix;
    }
}
