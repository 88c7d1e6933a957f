package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.ledger.Ledger;
import org.almoner.platform.ledger.LedgerEntry;
import org.almoner.platform.ledger.Payments;
import org.almoner.platform.ledger.TransactionKind;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.plans.Plan;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.Plans;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the budget page shows, for the page itself and for every form on it that comes back with
 * errors: the budget, its decisions, its ledger, the payments waiting for an approver, and the
 * forms the signed-in role may use, each with a fresh idempotency key.
 */
@Component
class BudgetView {

    /** The money-moving forms of the budget page; each carries its own idempotency key. */
    static final List<String> MONEY_FORMS = List.of("pay", "transfer", "return", "reversal");

    /** Transactions a budget team may reverse from the page: payments and transfers, not the allocation or moves between pots. */
    private static final Set<TransactionKind> REVERSIBLE = EnumSet.of(TransactionKind.PROVIDER_PAYMENT, TransactionKind.DIRECT_PAYMENT_TRANSFER,
            TransactionKind.DIRECT_PAYMENT_SPEND, TransactionKind.DIRECT_PAYMENT_RETURN);

    /** A line of the agreed plan with its number in the plan (from 0), as payments name it. */
    record NumberedLine(int number, PlanLine line) {}

    private final Budgets budgets;
    private final Plans plans;
    private final Ledger ledger;
    private final Payments payments;
    private final Actors actors;
    private final Clock clock;

    BudgetView(Budgets budgets, Plans plans, Ledger ledger, Payments payments, Actors actors, Clock clock) {
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.payments = requireNonNull(payments, "payments is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Fills the model for the budget page, keeping what was typed and its errors, and names the template. */
    String show(Person person, Budget budget, Map<String, String> form, Map<String, String> errors, Model model) {
        Actor actor = actors.current();
        model.addAttribute("person", person);
        model.addAttribute("budget", budget);
        model.addAttribute("decisions", budgets.decisions(budget.id()));
        model.addAttribute("changes", budgets.mechanismChanges(budget.id()));
        model.addAttribute("late", budget.approvalLate(LocalDate.now(clock)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        boolean canEdit = PersonOperation.EDIT_BUDGET.allows(actor.role());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canDecide", PersonOperation.DECIDE_BUDGET.allows(actor.role()));
        model.addAttribute("canPay", PersonOperation.PAY.allows(actor.role()));
        boolean ledgerOpen = ledger.isOpen(budget.id());
        model.addAttribute("ledgerOpen", ledgerOpen);
        model.addAttribute("balances", ledgerOpen ? LedgerView.of(ledger.balances(budget.id())) : null);
        List<LedgerEntry> entries = ledgerOpen ? ledger.entries(budget.id()).reversed() : List.of();
        model.addAttribute("entries", entries);
        Set<UUID> reversed = entries.stream().map(LedgerEntry::reverses).filter(Objects::nonNull).collect(Collectors.toSet());
        model.addAttribute("reversible", entries.stream().filter(entry -> REVERSIBLE.contains(entry.kind()) && !reversed.contains(entry.id()))
                .toList());
        model.addAttribute("waitingPayments", ledgerOpen ? payments.waitingFor(budget.id()) : List.of());
        model.addAttribute("payLines", agreedLines(budget).stream().filter(numbered -> numbered.line().management() != PlanLine.Management.DIRECT_PAYMENT)
                .toList());
        model.addAttribute("keys", keys(form));
        model.addAttribute("agreedPlans", canEdit ? plans.forPerson(person.id()).stream().filter(plan -> plan.agreedVersions() > 0).toList()
                : List.<Plan>of());
        return "pages/budget";
    }

    /** The lines of the plan version the budget was set from, numbered as payments name them. */
    List<NumberedLine> agreedLines(Budget budget) {
        if (budget.planId() == null || budget.planVersion() == null) {
            return List.of();
        }
        List<PlanLine> lines = plans.version(budget.planId(), budget.planVersion()).map(version -> version.content().lines()).orElse(List.of());
        return IntStream.range(0, lines.size()).mapToObj(number -> new NumberedLine(number, lines.get(number))).toList();
    }

    /**
     * An idempotency key for each money form: the one it was sent with when it comes back with errors
     * (nothing was posted under it, and a second press of the button must still pay once), else a new one.
     */
    static Map<String, String> keys(Map<String, String> form) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : MONEY_FORMS) {
            String sent = form.get(name + ".idempotencyKey");
            keys.put(name, sent == null || sent.isBlank() ? UUID.randomUUID().toString() : sent);
        }
        return keys;
    }
}
