package org.almoner.platform.pages;

import org.almoner.platform.access.Actors;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.almoner.platform.access.Actor;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.Budgeting;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.budgets.IndicativeLine;
import org.almoner.platform.budgets.Mechanisms;
import org.almoner.platform.ledger.Payments;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The budget: its indicative calculation line by line, the final budget and who funds it, how it
 * is held, and each step (submit, decide, start); and the approvers' queue.
 */
@Controller
class BudgetPages {

    /** The steps of the budget page's forms, and what the page says when one is done. */
    private static final Map<String, String> DONE = Map.of(
            "submit", "Budget sent for approval.",
            "decision", "Decision recorded.",
            "activate", "Budget started.",
            "suitability", "Direct payment suitability recorded.",
            "mechanism-change", "Change of how the budget is held sent to an approver.",
            "withhold", "Direct payment withheld.");

    private final Budgeting budgeting;
    private final Budgets budgets;
    private final BudgetView view;
    private final People people;
    private final PersonAccess access;
    private final Actors actors;
    private final Clock clock;
    private final Payments payments;

    BudgetPages(Budgeting budgeting, Budgets budgets, BudgetView view, People people, PersonAccess access, Actors actors, Clock clock,
            Payments payments) {
        this.payments = requireNonNull(payments, "payments is null");
        this.budgeting = requireNonNull(budgeting, "budgeting is null");
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.view = requireNonNull(view, "view is null");
        this.people = requireNonNull(people, "people is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Sets the indicative budget from the person's statement of resources, or asks for its lines when there is none. */
    @PostMapping("/people/{personId}/budgets")
    String setIndicative(@PathVariable UUID personId, @RequestParam Map<String, String> form, Model model) {
        Person person = access.require(personId, PersonOperation.EDIT_BUDGET, "BUDGET", null);
        boolean entered = form.containsKey("service");
        try {
            List<IndicativeLine> lines = entered ? List.of(line(form)) : null;
            Budget budget = budgeting.setIndicative(person, lines, actors.current());
            return "redirect:/budgets/" + budget.id();
        } catch (PlatformException refusal) {
            boolean noStatement = refusal.code() == PlatformErrorCode.NO_STATEMENT_OF_RESOURCES;
            if (!entered && !noStatement) {
                throw refusal;
            }
            model.addAttribute("person", person);
            model.addAttribute("form", form);
            model.addAttribute("errors", entered ? FormErrors.of(refusal) : Map.of());
            model.addAttribute("noStatement", noStatement || entered);
            return "pages/budget-new";
        }
    }

    @GetMapping("/budgets/{budgetId}")
    String budget(@PathVariable UUID budgetId, Model model) {
        Budget budget = existing(budgetId);
        Person person = access.require(budget.personId(), PersonOperation.VIEW_BUDGET, "BUDGET", budgetId);
        return view.show(person, budget, Map.of(), Map.of(), model);
    }

    @PostMapping("/budgets/{budgetId}/{step}")
    String step(@PathVariable UUID budgetId, @PathVariable String step, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes flash) {
        if (!DONE.containsKey(step)) {
            throw new PlatformException(PlatformErrorCode.NOT_FOUND, "There is no such step of a budget. Check the address.");
        }
        Budget budget = existing(budgetId);
        PersonOperation operation = step.equals("decision") ? PersonOperation.DECIDE_BUDGET : PersonOperation.EDIT_BUDGET;
        Person person = access.require(budget.personId(), operation, "BUDGET", budgetId);
        try {
            switch (step) {
                case "submit" -> budgeting.submit(budget, plan(form), null, optionalAmount(form.get("personContribution"), "personContribution"));
                case "decision" -> budgeting.decide(budget, yesOrNo(form, "approved", "Say whether the budget is approved."),
                        form.get("reasons"), "true".equals(form.get("asPanel")), actors.current());
                case "activate" -> budgeting.activate(budget, PeoplePages.date(form, "startDate"),
                        !"false".equals(form.get("ongoing")), PeoplePages.date(form, "endDate"), "true".equals(form.get("monthlyReviews")));
                case "mechanism-change" -> budgeting.proposeMechanismChange(budget, new Mechanisms(
                        optionalAmount(form.get("notional"), "notional"), optionalAmount(form.get("thirdParty"), "thirdParty"),
                        form.get("thirdPartyOrganisation"), optionalAmount(form.get("directPayment"), "directPayment")),
                        form.get("reason"), actors.current());
                case "withhold" -> budgeting.withholdDirectPayment(budget, form.get("withholdReason"), form.get("withholdThirdParty"));
                default -> budgeting.recordDirectPaymentSuitability(budget, yesOrNo(form, "suitable",
                        "Say whether a direct payment suits the person."), form.get("note"));
            }
            flash.addFlashAttribute("done", DONE.get(step));
            return "redirect:/budgets/" + budgetId;
        } catch (PlatformException refusal) {
            Map<String, String> errors = FormErrors.of(refusal);
            if (step.equals("withhold") && errors.containsKey("reason")) {
                errors = Map.of("withholdReason", errors.get("reason"));
            }
            return view.show(person, existing(budgetId), form, errors, model);
        }
    }

    /** An approver's decision on a proposed change of how the budget is held. */
    @PostMapping("/budgets/{budgetId}/changes/{changeId}")
    String decideChange(@PathVariable UUID budgetId, @PathVariable UUID changeId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes flash) {
        Budget budget = existing(budgetId);
        Person person = access.require(budget.personId(), PersonOperation.DECIDE_BUDGET, "BUDGET", budgetId);
        try {
            budgeting.decideMechanismChange(budget, changeId, yesOrNo(form, "changeApproved-" + changeId,
                    "Say whether the change is approved."), form.get("changeReasons-" + changeId), actors.current());
            flash.addFlashAttribute("done", "Decision on the change recorded.");
            return "redirect:/budgets/" + budgetId;
        } catch (PlatformException refusal) {
            Map<String, String> errors = FormErrors.of(refusal);
            if (errors.containsKey("reasons")) {
                errors = Map.of(FormErrors.inputId("changeReasons-" + changeId), errors.get("reasons"));
            }
            return view.show(person, existing(budgetId), form, errors, model);
        }
    }

    @GetMapping("/approvals")
    String approvals(Model model) {
        Actor approver = access.requireRole(PersonOperation.DECIDE_BUDGET, "BUDGET_LIST");
        Page.APPROVALS.requireFor(approver);
        LocalDate today = LocalDate.now(clock);
        List<Budget> waiting = budgets.awaitingApproval(approver.organisation());
        access.recordAllowed(PersonOperation.VIEW_BUDGET, "BUDGET_LIST",
                waiting.stream().map(budget -> new PersonAccess.Reached(budget.personId(), budget.id())).toList());
        // Names in one query for the whole queue, not one per budget.
        Map<UUID, Person> named = people.findAll(waiting.stream().map(Budget::personId).collect(Collectors.toSet()));
        model.addAttribute("waiting", waiting.stream().map(budget -> new Waiting(budget,
                Optional.ofNullable(named.get(budget.personId())).map(Person::name).orElse(""), budget.approvalLate(today))).toList());
        List<Payments.WaitingPayment> requested = payments.awaitingApproval(people.visibility(approver));
        Map<UUID, UUID> personOfBudget = new HashMap<>();
        requested.stream().map(Payments.WaitingPayment::budgetId).distinct()
                .forEach(budgetId -> budgets.find(budgetId).ifPresent(budget -> personOfBudget.put(budgetId, budget.personId())));
        Map<UUID, Person> payees = people.findAll(personOfBudget.values());
        List<WaitingPayment> outsidePlan = new ArrayList<>();
        for (Payments.WaitingPayment payment : requested) {
            Optional.ofNullable(personOfBudget.get(payment.budgetId())).map(payees::get)
                    .ifPresent(person -> outsidePlan.add(new WaitingPayment(payment, person)));
        }
        access.recordAllowed(PersonOperation.VIEW_BUDGET, "LEDGER",
                outsidePlan.stream().map(item -> new PersonAccess.Reached(item.person().id(), item.payment().id())).toList());
        model.addAttribute("payments", outsidePlan);
        return "pages/approvals";
    }

    /** A budget in the approvals queue, with the person's name and whether it has waited too long. */
    record Waiting(Budget budget, String name, boolean late) {}

    /** A payment the plan does not cover, waiting for an approver, with the person whose budget pays it. */
    record WaitingPayment(Payments.WaitingPayment payment, Person person) {}

    private UUID plan(Map<String, String> form) {
        try {
            return UUID.fromString(form.getOrDefault("planId", ""));
        } catch (IllegalArgumentException none) {
            throw PlatformException.invalid("planId", "Choose the agreed care and support plan the budget pays for.");
        }
    }

    private static boolean yesOrNo(Map<String, String> form, String field, String message) {
        String answer = form.getOrDefault(field, "");
        if (!answer.equals("true") && !answer.equals("false")) {
            throw PlatformException.invalid(field, message);
        }
        return answer.equals("true");
    }

    private static BigDecimal optionalAmount(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("£", "").strip());
        } catch (NumberFormatException notANumber) {
            throw PlatformException.invalid(field, "Give an amount in pounds and pence, for example 1200.00, or leave it blank.");
        }
    }

    private static IndicativeLine line(Map<String, String> form) {
        return new IndicativeLine(blankToNull(form.get("provider")), form.get("service"), blankToNull(form.get("purpose")), null,
                number(form.get("unitsPerYear"), "unitsPerYear", "Give the units a year as a number, for example 730."),
                blankToNull(form.get("unit")),
                number(form.get("costPerUnit"), "costPerUnit", "Give the cost per unit in pounds and pence, for example 21.00."),
                null, true, null);
    }

    private static BigDecimal number(String text, String field, String message) {
        try {
            return new BigDecimal(text == null ? "" : text.replace(",", "").replace("£", "").strip());
        } catch (NumberFormatException notANumber) {
            throw PlatformException.invalid(field, message);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Budget existing(UUID budgetId) {
        return budgets.find(budgetId).orElseThrow(() -> new PlatformException(PlatformErrorCode.BUDGET_NOT_FOUND, "budgetId",
                "There is no budget with id " + budgetId + ". Check the address."));
    }
}
