package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.almoner.platform.budgets.BudgetActivated;
import org.almoner.platform.budgets.Mechanisms;
import org.almoner.platform.budgets.MechanismsChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger in step with budgets: a budget that starts gets its accounts and its allocation
 * from commissioner funding, split by mechanism; a change of mechanism moves the unspent money
 * between the pots. Both run inside the budget's own transaction, so a budget never starts without
 * its money, or changes without the money moving.
 */
@Component
class BudgetAccounts {

    private final Ledger ledger;
    private final BigDecimal contingencyPercent;
    private final Clock clock;

    BudgetAccounts(Ledger ledger, @Value("${almoner.ledger.contingency-percent:0}") BigDecimal contingencyPercent, Clock clock) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.contingencyPercent = requireNonNull(contingencyPercent, "contingencyPercent is null");
    }

    @EventListener
    void on(BudgetActivated activated) {
        BigDecimal contingency = activated.amount().multiply(contingencyPercent).movePointLeft(2).setScale(2, RoundingMode.DOWN);
        ledger.open(activated.budgetId(), contingency);
        Mechanisms split = activated.mechanisms();
        List<Posting> postings = new ArrayList<>();
        addIfAny(postings, AccountKind.BUDGET_NOTIONAL, split.notional());
        addIfAny(postings, AccountKind.BUDGET_THIRD_PARTY, split.thirdParty());
        addIfAny(postings, AccountKind.BUDGET_DIRECT_PAYMENT, split.directPayment());
        if (postings.isEmpty()) {
            return;
        }
        postings.add(new Posting(AccountKind.COMMISSIONER_FUNDING, "BUDGETS", split.total().negate()));
        ledger.post(new Ledger.Proposal(activated.budgetId(), TransactionKind.ALLOCATION, "Allocation of the approved budget", null, null,
                activated.startDate(), postings), "allocation:" + activated.budgetId(), "allocation:" + activated.budgetId(), "system");
    }

    @EventListener
    void on(MechanismsChanged changed) {
        if (!ledger.isOpen(changed.budgetId())) {
            return; // Not started yet: the allocation will follow the mechanisms as they are then.
        }
        Map<AccountKind, BigDecimal> balances = ledger.balances(changed.budgetId());
        // Move only unspent money: what a pot gives up is capped by what it still holds.
        BigDecimal[] from = {
            cap(changed.before().notional().subtract(changed.after().notional()), balances.get(AccountKind.BUDGET_NOTIONAL)),
            cap(changed.before().thirdParty().subtract(changed.after().thirdParty()), balances.get(AccountKind.BUDGET_THIRD_PARTY)),
            cap(changed.before().directPayment().subtract(changed.after().directPayment()), balances.get(AccountKind.BUDGET_DIRECT_PAYMENT))};
        BigDecimal moving = from[0].add(from[1]).add(from[2]);
        if (moving.signum() == 0) {
            return;
        }
        List<Posting> postings = new ArrayList<>();
        addIfAny(postings, AccountKind.BUDGET_NOTIONAL, from[0].negate());
        addIfAny(postings, AccountKind.BUDGET_THIRD_PARTY, from[1].negate());
        addIfAny(postings, AccountKind.BUDGET_DIRECT_PAYMENT, from[2].negate());
        BigDecimal[] gain = {
            changed.after().notional().subtract(changed.before().notional()).max(BigDecimal.ZERO),
            changed.after().thirdParty().subtract(changed.before().thirdParty()).max(BigDecimal.ZERO),
            changed.after().directPayment().subtract(changed.before().directPayment()).max(BigDecimal.ZERO)};
        AccountKind[] pots = {AccountKind.BUDGET_NOTIONAL, AccountKind.BUDGET_THIRD_PARTY, AccountKind.BUDGET_DIRECT_PAYMENT};
        BigDecimal left = moving;
        for (int pot = 0; pot < pots.length && left.signum() > 0; pot++) {
            BigDecimal take = gain[pot].min(left);
            addIfAny(postings, pots[pot], take);
            left = left.subtract(take);
        }
        if (left.signum() > 0) {
            addIfAny(postings, AccountKind.BUDGET_NOTIONAL, left);
        }
        List<Posting> merged = merge(postings);
        if (merged.size() < 2) {
            return;
        }
        ledger.post(new Ledger.Proposal(changed.budgetId(), TransactionKind.REALLOCATION, "Mechanisms changed: " + changed.reason(), null,
                null, LocalDate.now(clock), merged), "reallocation:" + UUID.randomUUID(), "reallocation", "system");
    }

    private static BigDecimal cap(BigDecimal decrease, BigDecimal held) {
        return decrease.signum() <= 0 ? BigDecimal.ZERO : decrease.min(held == null ? BigDecimal.ZERO : held.max(BigDecimal.ZERO));
    }

    private static void addIfAny(List<Posting> postings, AccountKind kind, BigDecimal amount) {
        if (amount.signum() != 0) {
            postings.add(Posting.into(kind, amount));
        }
    }

    /** One posting per account: a pot that both gives and takes nets to one line. */
    private static List<Posting> merge(List<Posting> postings) {
        Map<AccountKind, BigDecimal> net = new EnumMap<>(AccountKind.class);
        postings.forEach(posting -> net.merge(posting.kind(), posting.amount(), BigDecimal::add));
        List<Posting> merged = new ArrayList<>();
        net.forEach((kind, amount) -> {
            if (amount.signum() != 0) {
                merged.add(Posting.into(kind, amount));
            }
        });
        return merged;
    }
}
