package org.almoner.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Account;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Actor;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Random sequences of payments, transfers, spend, returns, reversals and replays agree with a
 * simple in-memory model of the budget's accounts after every step. Each run prints its seed; set
 * the system property {@code almoner.ledger.seed} to replay one.
 */
@PlatformTest
class LedgerModelTest {

    private static final int STEPS = 60;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Budgets budgets;

    @Autowired
    Payments payments;

    @Autowired
    Ledger ledger;

    @Autowired
    Reconciliation reconciliation;

    static List<Long> seeds() {
        String replay = System.getProperty("almoner.ledger.seed");
        if (replay != null) {
            return List.of(Long.parseLong(replay));
        }
        Random seeds = new Random();
        return List.of(seeds.nextLong(), seeds.nextLong(), seeds.nextLong(), seeds.nextLong());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomOperationsAgreeWithTheModel(long seed) {
        TestWorld.on(port, accounts);
        System.out.println("LedgerModelTest seed " + seed + " (replay with -Dalmoner.ledger.seed=" + seed + ")");
        Random random = new Random(seed);
        Account coordinator = accounts.find("coordinator").orElseThrow();
        Actor actor = new Actor(coordinator.id(), coordinator.username(), coordinator.role(), coordinator.organisation(), Optional.empty());
        Budget budget = budgets.find(ActiveBudgets.start(port, "coordinator", "approver").budget()).orElseThrow();
        Map<AccountKind, BigDecimal> model = new EnumMap<>(Map.of(
                AccountKind.BUDGET_NOTIONAL, new BigDecimal("2000.00"), AccountKind.BUDGET_THIRD_PARTY, new BigDecimal("500.00"),
                AccountKind.BUDGET_DIRECT_PAYMENT, new BigDecimal("1000.00"), AccountKind.DIRECT_PAYMENT_HELD, new BigDecimal("0.00"),
                AccountKind.DIRECT_PAYMENT_SPENT, new BigDecimal("0.00")));
        List<Done> done = new ArrayList<>();

        for (int step = 0; step < STEPS; step++) {
            String where = "seed " + seed + ", step " + step;
            int choice = random.nextInt(7);
            BigDecimal amount = new BigDecimal(random.nextInt(1, 40000)).movePointLeft(2);
            String key = "model-" + seed + "-" + step;
            // What the API would hash: the operation and its body.
            String body = choice + ":" + amount;
            switch (choice) {
                case 0 -> attempt(where, model, done, key, AccountKind.BUDGET_NOTIONAL, AccountKind.PROVIDER_PAID, amount,
                        () -> payments.payProvider(budget, new PaymentRequest(PaymentRequest.Pot.NOTIONAL, "DCA01", amount, 1, "Home care",
                                null, null), key, body, actor).posted());
                case 1 -> attempt(where, model, done, key, AccountKind.BUDGET_THIRD_PARTY, AccountKind.PROVIDER_PAID, amount,
                        () -> payments.payProvider(budget, new PaymentRequest(PaymentRequest.Pot.THIRD_PARTY, "V0002", amount, 2, "Peer support",
                                null, null), key, body, actor).posted());
                case 2 -> attempt(where, model, done, key, AccountKind.BUDGET_DIRECT_PAYMENT, AccountKind.DIRECT_PAYMENT_HELD, amount,
                        () -> payments.transferDirectPayment(budget, amount, null, key, body, actor));
                case 3 -> attempt(where, model, done, key, AccountKind.DIRECT_PAYMENT_HELD, AccountKind.DIRECT_PAYMENT_SPENT, amount,
                        () -> payments.reportDirectPaymentSpend(budget, new PaymentRequest(PaymentRequest.Pot.DIRECT_PAYMENT, null, amount, 0,
                                "PA wages", null, null), null, key, body, actor).posted());
                case 4 -> attempt(where, model, done, key, AccountKind.DIRECT_PAYMENT_HELD, AccountKind.COMMISSIONER_FUNDING, amount,
                        () -> payments.returnUnspent(budget, amount, "Surplus", null, key, body, actor));
                case 5 -> {
                    if (done.isEmpty()) {
                        continue;
                    }
                    Done original = done.get(random.nextInt(done.size()));
                    // A reversal takes the money back out of where it went, which must not go below zero for the person's account.
                    boolean fits = !original.to().mustNotGoNegative() || model.get(original.to()).compareTo(original.amount()) >= 0;
                    try {
                        payments.reverse(ledger.entry(original.transaction()).orElseThrow(), "Correction", key, body, actor);
                        assertThat(original.reversed()).as(where + ": reversed twice").isFalse();
                        assertThat(fits).as(where + ": reversal allowed an overdraft").isTrue();
                        move(model, original.to(), original.from(), original.amount());
                        done.set(done.indexOf(original), original.reversedNow());
                    } catch (PlatformException refused) {
                        assertThat(refused.code()).as(where).isIn(PlatformErrorCode.ALREADY_REVERSED, PlatformErrorCode.INSUFFICIENT_FUNDS);
                        if (refused.code() == PlatformErrorCode.ALREADY_REVERSED) {
                            assertThat(original.reversed()).as(where).isTrue();
                        } else {
                            assertThat(fits).as(where).isFalse();
                        }
                    }
                }
                default -> {
                    if (done.isEmpty()) {
                        continue;
                    }
                    Done original = done.get(random.nextInt(done.size()));
                    try {
                        Ledger.Posted reused = payments.transferDirectPayment(budget, amount, null, original.key(), "another body", actor);
                        fail(where + ": a key reused with another body should be refused, but posted " + reused);
                    } catch (PlatformException refused) {
                        assertThat(refused.code()).as(where).isEqualTo(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED);
                    }
                }
            }
            assertThat(nonZero(ledger.balances(budget.id()))).as(where).isEqualTo(nonZero(model));
        }
        assertThat(reconciliation.run().clean()).as("seed " + seed).isTrue();
    }

    private record Done(String key, java.util.UUID transaction, AccountKind from, AccountKind to, BigDecimal amount, boolean reversed) {
        Done reversedNow() {
            return new Done(key, transaction, from, to, amount, true);
        }
    }

    private static void attempt(String where, Map<AccountKind, BigDecimal> model, List<Done> done, String key, AccountKind from,
            AccountKind to, BigDecimal amount, Supplier<Ledger.Posted> operation) {
        boolean fits = model.get(from).compareTo(amount) >= 0;
        try {
            Ledger.Posted posted = operation.get();
            assertThat(fits).as(where + ": posted " + amount + " from " + from + " holding " + model.get(from)).isTrue();
            assertThat(posted.replayed()).isFalse();
            move(model, from, to, amount);
            done.add(new Done(key, posted.entry().id(), from, to, amount, false));
            Ledger.Posted again = operation.get();
            assertThat(again.replayed()).as(where + ": replay").isTrue();
            assertThat(again.entry().id()).isEqualTo(posted.entry().id());
        } catch (PlatformException refused) {
            if (refused.code() == PlatformErrorCode.IDEMPOTENCY_KEY_REUSED) {
                throw refused;
            }
            assertThat(refused.code()).as(where).isEqualTo(PlatformErrorCode.INSUFFICIENT_FUNDS);
            assertThat(fits).as(where + ": refused " + amount + " from " + from + " holding " + model.get(from)).isFalse();
        }
    }

    /** Moves money in the model; accounts outside the budget (providers, the commissioner) are not modelled. */
    private static void move(Map<AccountKind, BigDecimal> model, AccountKind from, AccountKind to, BigDecimal amount) {
        model.computeIfPresent(from, (kind, balance) -> balance.subtract(amount));
        model.computeIfPresent(to, (kind, balance) -> balance.add(amount));
    }

    private static Map<AccountKind, BigDecimal> nonZero(Map<AccountKind, BigDecimal> balances) {
        Map<AccountKind, BigDecimal> kept = new EnumMap<>(AccountKind.class);
        balances.forEach((kind, amount) -> {
            if (amount.signum() != 0) {
                kept.put(kind, amount.setScale(2));
            }
        });
        return kept;
    }
}
