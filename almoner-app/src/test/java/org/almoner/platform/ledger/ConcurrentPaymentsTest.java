package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Many writers on a few hot budgets: no overdraft, no lost update, no drift, every retry exactly once. */
@PlatformTest
class ConcurrentPaymentsTest {

    private static final int WRITERS = 24;
    private static final int PAYMENTS_EACH = 12;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    Reconciliation reconciliation;

    @Test
    void concurrentPaymentsNeverOverspendAndEachPostsOnce() throws Exception {
        TestWorld.on(port, accounts);
        List<ActiveBudgets.ActiveBudget> hot = List.of(ActiveBudgets.start(port, "coordinator", "approver"),
                ActiveBudgets.start(port, "coordinator", "approver"));
        Map<UUID, List<BigDecimal>> accepted = new ConcurrentHashMap<>();
        Set<String> transactionIds = ConcurrentHashMap.newKeySet();
        List<Integer> unexpected = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int seed = writer;
                work.add(writers.submit(() -> {
                    Api coordinator = Api.as(port, "coordinator");
                    for (int payment = 0; payment < PAYMENTS_EACH; payment++) {
                        ActiveBudgets.ActiveBudget target = hot.get((seed + payment) % hot.size());
                        // 24 x 12 payments of 12.00 to 20.00 ask for about 4,600 across two 2,000.00 pots: many must be refused.
                        BigDecimal amount = new BigDecimal(12 + (seed * 7 + payment) % 9 + ".00");
                        String key = "concurrent-" + seed + "-" + payment + "-" + UUID.randomUUID();
                        Map<String, Object> body = Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", amount, "planLine", 1,
                                "description", "Home care");
                        String path = "/api/budgets/" + target.budget() + "/payments";
                        Api.Response response = sendUntilAdmitted(coordinator.withKey(key), path, body);
                        // Every acknowledged payment is sent again, as a client that lost the answer would.
                        Api.Response replay = sendUntilAdmitted(coordinator.withKey(key), path, body);
                        if (response.status() == 201) {
                            accepted.computeIfAbsent(target.budget(), budget -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(amount);
                            assertThat(transactionIds.add(response.text("id"))).isTrue();
                            assertThat(replay.text("id")).isEqualTo(response.text("id"));
                            assertThat(replay.replayed()).isEqualTo("true");
                        } else if (response.status() == 409 && response.text("code").equals("INSUFFICIENT_FUNDS")) {
                            refusals.incrementAndGet();
                        } else {
                            synchronized (unexpected) {
                                unexpected.add(response.status());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(refusals.get()).isPositive();
        for (ActiveBudgets.ActiveBudget budget : hot) {
            BigDecimal paid = accepted.getOrDefault(budget.budget(), List.of()).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal left = ledger.balances(budget.budget()).get(AccountKind.BUDGET_NOTIONAL);
            assertThat(left).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(left.add(paid)).isEqualByComparingTo("2000.00");
        }
        Reconciliation.Report report = reconciliation.run();
        assertThat(report.drifts()).isEmpty();
        assertThat(report.brokenChains()).isEmpty();
        assertThat(report.clean()).isTrue();
    }

    /**
     * Sends the request again, with the same idempotency key, while the platform answers "busy", as its answer
     * asks: the platform admits a limited number of requests at once, and on a slow build machine
     * a queued writer may wait longer than it allows. A busy answer did nothing, so the payment still posts exactly once.
     */
    private static Api.Response sendUntilAdmitted(Api caller, String path, Map<String, Object> body) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Api.Response response = caller.post(path, body);
            if (response.status() != 503) {
                return response;
            }
            assertThat(response.text("code")).isEqualTo("BUSY");
            assertThat(response.retryAfter()).isEqualTo("1");
            assertThat(attempt).as("still busy after a minute of retries").isLessThan(60);
            Thread.sleep(java.time.Duration.ofSeconds(Long.parseLong(response.retryAfter())));
        }
    }
}
