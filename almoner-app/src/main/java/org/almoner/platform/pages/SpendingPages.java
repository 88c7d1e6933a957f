package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.BudgetStatus;
import org.almoner.platform.ledger.AccountKind;
import org.almoner.platform.ledger.Evidence;
import org.almoner.platform.ledger.Ledger;
import org.almoner.platform.ledger.LedgerEntry;
import org.almoner.platform.ledger.PaymentRequest;
import org.almoner.platform.ledger.Payments;
import org.almoner.platform.ledger.RequestHashes;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.plans.PlanContent;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My spending" for a budget holder or their representative: what is left, the direct payment
 * money in and out, what the plan lets them spend it on, whom to contact, and reporting what they
 * spent with a photo or PDF of the receipt. Reporting goes through the same ledger step and
 * idempotency as the API's.
 */
@Controller
class SpendingPages {

    private static final Set<String> SPEND_INPUTS = Set.of("planLine", "amount", "description", "effectiveOn", "reason", "receipt");

    /** Money into or out of the person's direct payment account, as they read it. */
    record Movement(LedgerEntry entry, BigDecimal in, BigDecimal out) {}

    /** Someone in the person's care team, by name and what they do. */
    record CareTeamMember(String name, String role) {}

    private final Holders holders;
    private final Ledger ledger;
    private final Payments payments;
    private final RequestHashes hashes;
    private final BudgetView budgetView;
    private final Plans plans;
    private final People people;
    private final Accounts accounts;
    private final PersonAccess access;
    private final Actors actors;

    SpendingPages(Holders holders, Ledger ledger, Payments payments, RequestHashes hashes, BudgetView budgetView, Plans plans, People people,
            Accounts accounts, PersonAccess access, Actors actors) {
        this.holders = requireNonNull(holders, "holders is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.payments = requireNonNull(payments, "payments is null");
        this.hashes = requireNonNull(hashes, "hashes is null");
        this.budgetView = requireNonNull(budgetView, "budgetView is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.people = requireNonNull(people, "people is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
    }

    @GetMapping("/my/spending")
    String mySpending(Model model) {
        Person person = holders.me(Page.MY_SPENDING, PersonOperation.VIEW_BUDGET, "LEDGER");
        Optional<Budget> budget = holders.currentBudget(person);
        boolean open = budget.filter(found -> ledger.isOpen(found.id())).isPresent();
        model.addAttribute("person", person);
        model.addAttribute("budget", budget.orElse(null));
        model.addAttribute("balances", open ? LedgerView.of(ledger.balances(budget.get().id())) : null);
        model.addAttribute("movements", open ? movements(ledger.entries(budget.get().id())) : List.of());
        model.addAttribute("waiting", open ? payments.waitingFor(budget.get().id()).stream()
                .filter(waiting -> waiting.request().from() == PaymentRequest.Pot.DIRECT_PAYMENT).toList() : List.of());
        access.require(person.id(), PersonOperation.VIEW_PLAN, "PLAN", budget.map(Budget::planId).orElse(null));
        model.addAttribute("lines", budget.map(budgetView::agreedLines).orElse(List.of()));
        model.addAttribute("contacts", budget.flatMap(this::planContent).map(PlanContent::contacts).orElse(List.of()));
        model.addAttribute("careTeam", people.careTeam(person.id()).stream()
                .flatMap(username -> accounts.find(username).stream())
                .map(account -> new CareTeamMember(account.displayName(), new Formats().role(account.role()))).toList());
        model.addAttribute("canReport", canReport(budget));
        return "pages/my-spending";
    }

    @GetMapping("/my/spending/new")
    String reportForm(Model model) {
        return form(holders.me(Page.MY_SPENDING, PersonOperation.REPORT_SPEND, "LEDGER"), Map.of(), Map.of(), model);
    }

    /** Spend reported with its receipt, a multipart form; a second press of the button records it once. */
    @PostMapping("/my/spending/new")
    String report(@RequestParam Map<String, String> form, @RequestParam(name = "spend.receipt", required = false) MultipartFile receipt,
            Model model, RedirectAttributes flash) {
        Person person = holders.me(Page.MY_SPENDING, PersonOperation.REPORT_SPEND, "LEDGER");
        Budget budget = holders.currentBudget(person).filter(found -> canReport(Optional.of(found))).orElse(null);
        if (budget == null) {
            return form(person, form, Map.of("form", "You have no direct payment to report spending from."), model);
        }
        try {
            PaymentRequest request = new PaymentRequest(PaymentRequest.Pot.DIRECT_PAYMENT, null, amount(form), planLine(form),
                    form.get("spend.description"), PeoplePages.date(form, "spend.effectiveOn"), form.get("spend.reason"));
            Evidence evidence = receipt == null || receipt.isEmpty() ? null
                    : new Evidence(receipt.getOriginalFilename(), receipt.getContentType(), receipt.getBytes());
            Payments.Outcome outcome = payments.reportDirectPaymentSpend(budget, request, evidence, PaymentPages.key(form, "spend"),
                    hashes.of("spend", budget.id(), request, evidence), actors.current());
            flash.addFlashAttribute("done", outcome.waiting() != null
                    ? "Thank you. Your plan does not cover this, so your coordinator's approver will look at it."
                    : PaymentPages.posted(outcome.posted(), "Thank you. We have recorded " + new Formats().money(request.amount()) + " of spending"
                            + (evidence != null ? " with your receipt." : ".")));
            return "redirect:/my/spending";
        } catch (PlatformException refusal) {
            return form(person, form, FormErrors.of(refusal, "spend", SPEND_INPUTS), model);
        } catch (IOException unreadable) {
            return form(person, form, Map.of("spend-receipt", "The receipt could not be read. Choose the file again."), model);
        }
    }

    private String form(Person person, Map<String, String> form, Map<String, String> errors, Model model) {
        Optional<Budget> budget = holders.currentBudget(person);
        model.addAttribute("person", person);
        model.addAttribute("canReport", canReport(budget));
        model.addAttribute("lines", budget.map(budgetView::agreedLines).orElse(List.of()).stream()
                .filter(numbered -> numbered.line().management() == PlanLine.Management.DIRECT_PAYMENT).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // The key the form was sent with when it comes back with errors: nothing was recorded under it.
        String sent = form.get("spend.idempotencyKey");
        model.addAttribute("idempotencyKey", sent == null || sent.isBlank() ? UUID.randomUUID().toString() : sent);
        return "pages/spend-new";
    }

    /** Spend is reported from a direct payment: a budget that started with one, or whose account still holds some. */
    private boolean canReport(Optional<Budget> budget) {
        return budget.filter(found -> found.status() == BudgetStatus.ACTIVE && ledger.isOpen(found.id()))
                .filter(found -> found.mechanisms() != null && found.mechanisms().directPayment().signum() > 0
                        || ledger.balances(found.id()).getOrDefault(AccountKind.DIRECT_PAYMENT_HELD, BigDecimal.ZERO).signum() > 0)
                .isPresent();
    }

    private Optional<PlanContent> planContent(Budget budget) {
        if (budget.planId() == null || budget.planVersion() == null) {
            return Optional.empty();
        }
        return plans.version(budget.planId(), budget.planVersion()).map(version -> version.content());
    }

    private static List<Movement> movements(List<LedgerEntry> entries) {
        List<Movement> movements = new ArrayList<>();
        for (LedgerEntry entry : entries.reversed()) {
            BigDecimal held = entry.postings().stream().filter(posting -> posting.kind() == AccountKind.DIRECT_PAYMENT_HELD)
                    .map(posting -> posting.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (held.signum() != 0) {
                movements.add(new Movement(entry, held.signum() > 0 ? held : null, held.signum() < 0 ? held.negate() : null));
            }
        }
        return movements;
    }

    private static Integer planLine(Map<String, String> form) {
        String chosen = form.getOrDefault("spend.planLine", "");
        if (chosen.equals("none")) {
            return null;
        }
        try {
            return Integer.valueOf(chosen);
        } catch (NumberFormatException notChosen) {
            throw PlatformException.invalid("planLine", "Choose what you spent it on.");
        }
    }

    private static BigDecimal amount(Map<String, String> form) {
        String text = form.getOrDefault("spend.amount", "").replace(",", "").replace("£", "").strip();
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw PlatformException.invalid("amount", "Give the amount you spent in pounds and pence, for example 45.50.");
        }
    }
}
