package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.ledger.Ledger;
import org.almoner.platform.ledger.LedgerEntry;
import org.almoner.platform.ledger.PaymentRequest;
import org.almoner.platform.ledger.Payments;
import org.almoner.platform.ledger.RequestHashes;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget team's money forms on the budget page: pay a provider for a line of the agreed plan
 * (or ask an approver for one the plan does not cover), transfer the direct payment, take back
 * unspent direct payment, reverse a transaction; and an approver's decision on a payment outside
 * the plan. They go through the same access rules and ledger steps as the API, and each form
 * carries the idempotency key it was drawn with, so pressing the button twice pays once.
 */
@Controller
class PaymentPages {

    private static final Set<String> PAY_INPUTS = Set.of("planLine", "from", "payee", "amount", "description", "effectiveOn", "reason");
    private static final Set<String> TRANSFER_INPUTS = Set.of("amount", "effectiveOn");
    private static final Set<String> RETURN_INPUTS = Set.of("amount", "reason", "effectiveOn");
    private static final Set<String> REVERSAL_INPUTS = Set.of("transaction", "reason");

    /** The bodies hashed for idempotency, shaped as the API's so both hash alike. */
    record Transfer(BigDecimal amount, LocalDate effectiveOn) {}

    record Return(BigDecimal amount, String reason, LocalDate effectiveOn) {}

    record Reversal(String reason) {}

    private final Budgets budgets;
    private final Ledger ledger;
    private final Payments payments;
    private final RequestHashes hashes;
    private final PersonAccess access;
    private final Actors actors;
    private final BudgetView view;

    PaymentPages(Budgets budgets, Ledger ledger, Payments payments, RequestHashes hashes, PersonAccess access, Actors actors, BudgetView view) {
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.payments = requireNonNull(payments, "payments is null");
        this.hashes = requireNonNull(hashes, "hashes is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.view = requireNonNull(view, "view is null");
    }

    @PostMapping("/budgets/{budgetId}/payments")
    String pay(@PathVariable UUID budgetId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        return moneyStep(budgetId, form, model, flash, "pay", PAY_INPUTS, budget -> {
            PaymentRequest request = paymentRequest(budget, form);
            Payments.Outcome outcome = payments.payProvider(budget, request, key(form, "pay"), hashes.of("payment", budgetId, request, null),
                    actors.current());
            return outcome.waiting() != null
                    ? "The plan does not cover this payment, so it has gone to an approver. Nothing is paid until they approve it."
                    : posted(outcome.posted(), "Payment of " + money(request.amount()) + " to " + request.payee() + " recorded.");
        });
    }

    @PostMapping("/budgets/{budgetId}/transfers")
    String transfer(@PathVariable UUID budgetId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        return moneyStep(budgetId, form, model, flash, "transfer", TRANSFER_INPUTS, budget -> {
            Transfer transfer = new Transfer(amount(form, "transfer"), PeoplePages.date(form, "transfer.effectiveOn"));
            Ledger.Posted posted = payments.transferDirectPayment(budget, transfer.amount(), transfer.effectiveOn(), key(form, "transfer"),
                    hashes.of("transfer", budgetId, transfer, null), actors.current());
            return posted(posted, money(transfer.amount()) + " transferred to the person's direct payment account.");
        });
    }

    @PostMapping("/budgets/{budgetId}/returns")
    String returnUnspent(@PathVariable UUID budgetId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        return moneyStep(budgetId, form, model, flash, "return", RETURN_INPUTS, budget -> {
            Return unspent = new Return(amount(form, "return"), form.get("return.reason"), PeoplePages.date(form, "return.effectiveOn"));
            Ledger.Posted posted = payments.returnUnspent(budget, unspent.amount(), unspent.reason(), unspent.effectiveOn(), key(form, "return"),
                    hashes.of("return", budgetId, unspent, null), actors.current());
            return posted(posted, money(unspent.amount()) + " returned from the direct payment account.");
        });
    }

    @PostMapping("/budgets/{budgetId}/reversals")
    String reverse(@PathVariable UUID budgetId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        return moneyStep(budgetId, form, model, flash, "reversal", REVERSAL_INPUTS, budget -> {
            LedgerEntry original = transaction(budgetId, form.getOrDefault("reversal.transaction", ""));
            Reversal reversal = new Reversal(form.get("reversal.reason"));
            Ledger.Posted posted = payments.reverse(original, reversal.reason(), key(form, "reversal"),
                    hashes.of("reversal", original.id(), reversal, null), actors.current());
            return posted(posted, "Transaction reversed: " + original.description() + ".");
        });
    }

    /**
     * One money form: the caller must be allowed to pay from this person's budget (audited); the step
     * returns what to tell them, shown on the budget page after a redirect; a refusal shows the page
     * again with the form as sent and each error beside its input.
     */
    private String moneyStep(UUID budgetId, Map<String, String> form, Model model, RedirectAttributes flash, String prefix,
            Set<String> inputs, java.util.function.Function<Budget, String> step) {
        Budget budget = existing(budgetId);
        Person person = access.require(budget.personId(), PersonOperation.PAY, "LEDGER", budgetId);
        try {
            flash.addFlashAttribute("done", step.apply(budget));
            return "redirect:/budgets/" + budgetId;
        } catch (PlatformException refusal) {
            return view.show(person, existing(budgetId), form, FormErrors.of(refusal, prefix, inputs), model);
        }
    }

    /** An approver's decision on a payment the plan does not cover; approved, it is paid. */
    @PostMapping("/payment-requests/{requestId}/decision")
    String decide(@PathVariable UUID requestId, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        Payments.WaitingPayment waiting = payments.waiting(requestId).orElseThrow(() -> new PlatformException(
                PlatformErrorCode.PAYMENT_REQUEST_NOT_FOUND, "requestId", "There is no payment request " + requestId + ". Check the address."));
        Budget budget = existing(waiting.budgetId());
        Person person = access.require(budget.personId(), PersonOperation.DECIDE_BUDGET, "LEDGER", requestId);
        String field = "paymentApproved-" + requestId;
        String answer = form.getOrDefault(field, "");
        if (!answer.equals("true") && !answer.equals("false")) {
            return view.show(person, budget, form, Map.of(field, "Say whether the payment is approved."), model);
        }
        try {
            Payments.WaitingPayment decided = payments.decide(requestId, answer.equals("true"), actors.current());
            flash.addFlashAttribute("done", decided.status().equals("APPROVED") ? "Payment approved and paid." : "Payment not approved; nothing was paid.");
            return "redirect:/budgets/" + budget.id();
        } catch (PlatformException refusal) {
            return view.show(person, existing(budget.id()), form, Map.of("form", refusal.getMessage()), model);
        }
    }

    /**
     * The payment the form asks for. A line of the plan says which part of the budget pays and, when
     * it names one, whom; a payment the plan does not cover names its part and gives a reason.
     */
    private PaymentRequest paymentRequest(Budget budget, Map<String, String> form) {
        String chosen = form.getOrDefault("pay.planLine", "");
        Integer planLine = null;
        PaymentRequest.Pot from;
        String payee = form.get("pay.payee");
        if (chosen.equals("none")) {
            try {
                from = PaymentRequest.Pot.valueOf(form.getOrDefault("pay.from", ""));
            } catch (IllegalArgumentException none) {
                throw PlatformException.invalid("from", "Say which part of the budget pays: held notionally or by the third party.");
            }
        } else {
            PlanLine line = view.agreedLines(budget).stream().filter(numbered -> Integer.toString(numbered.number()).equals(chosen))
                    .map(BudgetView.NumberedLine::line).findFirst()
                    .orElseThrow(() -> PlatformException.invalid("planLine", "Choose the line of the agreed plan this pays for, or "
                            + "'Something the plan does not cover'."));
            planLine = Integer.valueOf(chosen);
            from = PaymentRequest.Pot.valueOf(line.management().name());
            if ((payee == null || payee.isBlank()) && line.provider() != null) {
                payee = line.provider();
            }
        }
        return new PaymentRequest(from, payee, amount(form, "pay"), planLine, form.get("pay.description"),
                PeoplePages.date(form, "pay.effectiveOn"), form.get("pay.reason"));
    }

    private LedgerEntry transaction(UUID budgetId, String chosen) {
        try {
            UUID id = UUID.fromString(chosen);
            return ledger.entry(id).filter(entry -> entry.budgetId().equals(budgetId))
                    .orElseThrow(() -> PlatformException.invalid("transaction", "Choose a transaction of this budget to reverse."));
        } catch (IllegalArgumentException notChosen) {
            throw PlatformException.invalid("transaction", "Choose the transaction to reverse.");
        }
    }

    /** The amount typed into a form, in pounds and pence; the ledger checks it is above zero. */
    private static BigDecimal amount(Map<String, String> form, String prefix) {
        String text = form.getOrDefault(prefix + ".amount", "").replace(",", "").replace("£", "").strip();
        if (text.isEmpty()) {
            throw PlatformException.invalid("amount", "Give the amount in pounds and pence, for example 120.50.");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw PlatformException.invalid("amount", "Give the amount as a number of pounds and pence, for example 120.50.");
        }
    }

    /** The idempotency key the form was drawn with. */
    static String key(Map<String, String> form, String prefix) {
        String key = form.getOrDefault(prefix + ".idempotencyKey", "").strip();
        if (key.isEmpty() || key.length() > 200) {
            throw new PlatformException(PlatformErrorCode.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key",
                    "This form has no idempotency key, so it could pay twice. Open the page again and fill in the form there.");
        }
        return key;
    }

    static String posted(Ledger.Posted posted, String done) {
        return posted.replayed() ? "This was already recorded, so nothing was paid again." : done;
    }

    private static String money(BigDecimal amount) {
        return new Formats().money(amount);
    }

    private Budget existing(UUID budgetId) {
        return budgets.find(budgetId).orElseThrow(() -> new PlatformException(PlatformErrorCode.BUDGET_NOT_FOUND, "budgetId",
                "There is no budget with id " + budgetId + ". Check the address."));
    }
}
