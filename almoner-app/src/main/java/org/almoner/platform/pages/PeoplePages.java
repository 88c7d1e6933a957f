package org.almoner.platform.pages;

import java.time.Clock;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.BudgetStatus;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.people.NewPerson;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.people.PersonRelationships;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.referrals.Referrals;
import org.almoner.platform.reviews.Reviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The caseload with its filters, recording a person, and a person's record. */
@Controller
class PeoplePages {

    /** People on one page of the caseload. */
    private static final int SHOWN = 50;

    /** A row of the caseload: the person, and their latest budget's stage when the role may see budgets. */
    record CaseloadRow(Person person, Optional<BudgetStatus> budget) {}

    private final People people;
    private final PersonAccess access;
    private final Referrals referrals;
    private final Plans plans;
    private final Budgets budgets;
    private final Reviews reviews;
    private final PersonRelationships relationships;
    private final Clock clock;

    PeoplePages(People people, PersonAccess access, Referrals referrals, Plans plans, Budgets budgets, Reviews reviews,
            PersonRelationships relationships, Clock clock) {
        this.people = requireNonNull(people, "people is null");
        this.access = requireNonNull(access, "access is null");
        this.referrals = requireNonNull(referrals, "referrals is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.relationships = requireNonNull(relationships, "relationships is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/people")
    String caseload(@RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "") String budget,
            @RequestParam(defaultValue = "1") String page, Model model) {
        Actor actor = access.requireRole(PersonOperation.VIEW_PERSON, "PERSON_LIST");
        Page.CASELOAD.requireFor(actor);
        boolean showBudgets = PersonOperation.VIEW_BUDGET.allows(actor.role());
        String stage = showBudgets && isStage(budget) ? budget : "";
        int pageNumber = pageNumber(page);
        // One more than a page is read, to know whether there is a next page without counting everyone.
        List<People.CaseloadEntry> found = people.caseload(actor, new People.CaseloadFilter(search, Optional.of(stage).filter(s -> !s.isEmpty())),
                (pageNumber - 1) * SHOWN, SHOWN + 1);
        List<CaseloadRow> rows = found.stream().limit(SHOWN)
                .map(entry -> new CaseloadRow(entry.person(), showBudgets ? entry.latestBudgetStatus().map(BudgetStatus::valueOf) : Optional.empty()))
                .toList();
        access.recordAllowed(PersonOperation.VIEW_PERSON, "PERSON_LIST",
                rows.stream().map(row -> new PersonAccess.Reached(row.person().id(), row.person().id())).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("search", search);
        model.addAttribute("budget", stage);
        model.addAttribute("showBudgets", showBudgets);
        model.addAttribute("stages", BudgetStatus.values());
        model.addAttribute("canRecord", PersonOperation.EDIT_PERSON.allows(actor.role()));
        model.addAttribute("page", pageNumber);
        model.addAttribute("first", (pageNumber - 1) * SHOWN + 1);
        model.addAttribute("more", found.size() > SHOWN);
        return "pages/caseload";
    }

    /** A stage to filter by: a budget status, or no budget yet; anything else filters nothing. */
    private static boolean isStage(String budget) {
        return budget.equals(People.CaseloadFilter.NO_BUDGET)
                || java.util.Arrays.stream(BudgetStatus.values()).anyMatch(status -> status.name().equals(budget));
    }

    /** The page asked for; a page number that is not one shows the first page rather than an error. */
    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        access.requireRole(PersonOperation.EDIT_PERSON, "PERSON");
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "pages/person-new";
    }

    @PostMapping("/people")
    String recordPerson(@RequestParam Map<String, String> form, Model model) {
        Actor actor = access.requireRole(PersonOperation.EDIT_PERSON, "PERSON");
        try {
            NewPerson details = new NewPerson(form.get("nhsNumber"), form.get("givenName"), form.get("familyName"),
                    date(form, "dateOfBirth"), form.get("sex"), form.get("postcode"), null);
            Person person = people.record(details, actor);
            access.recordAllowed(person.id(), PersonOperation.EDIT_PERSON, "PERSON", person.id());
            return "redirect:/people/" + person.id();
        } catch (PlatformException refusal) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(refusal));
            return "pages/person-new";
        }
    }

    @GetMapping("/people/{personId}")
    String record(@PathVariable UUID personId, Model model) {
        Person person = access.require(personId, PersonOperation.VIEW_PERSON, "PERSON", personId);
        Actor actor = access.requireRole(PersonOperation.VIEW_PERSON, "PERSON");
        model.addAttribute("person", person);
        model.addAttribute("representatives", people.representatives(personId));
        if (PersonOperation.VIEW_REFERRALS.allows(actor.role())) {
            access.require(personId, PersonOperation.VIEW_REFERRALS, "REFERRAL", null);
            model.addAttribute("referrals", referrals.forPerson(personId));
        }
        if (PersonOperation.VIEW_PLAN.allows(actor.role())) {
            access.require(personId, PersonOperation.VIEW_PLAN, "PLAN", null);
            model.addAttribute("plans", plans.forPerson(personId));
        }
        if (PersonOperation.VIEW_BUDGET.allows(actor.role())) {
            access.require(personId, PersonOperation.VIEW_BUDGET, "BUDGET", null);
            model.addAttribute("budgets", budgets.forPerson(personId));
        }
        if (PersonOperation.VIEW_REVIEWS.allows(actor.role())) {
            access.require(personId, PersonOperation.VIEW_REVIEWS, "REVIEW", null);
            model.addAttribute("reviews", reviews.forPerson(personId));
        }
        model.addAttribute("canRefer", PersonOperation.REFER.allows(actor.role()));
        model.addAttribute("canDecide", PersonOperation.DECIDE_ELIGIBILITY.allows(actor.role()));
        model.addAttribute("canPlan", PersonOperation.EDIT_PLAN.allows(actor.role()));
        model.addAttribute("canBudget", PersonOperation.EDIT_BUDGET.allows(actor.role()));
        boolean canEditPerson = PersonOperation.EDIT_PERSON.allows(actor.role());
        model.addAttribute("canEditPerson", canEditPerson);
        if (canEditPerson) {
            // Those who may add or remove see who stopped too, with when and why.
            model.addAttribute("pastRepresentatives", relationships.representation(personId).past());
            model.addAttribute("careTeam", relationships.careTeam(personId));
        }
        // A form on the record that came back with errors left them, and what was typed, as flash attributes.
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "pages/person";
    }

    /** A date typed in a form as YYYY-MM-DD or as day, month and year boxes ({@code name-day}...). */
    static LocalDate date(Map<String, String> form, String name) {
        String text = form.getOrDefault(name, "");
        if (text.isBlank() && form.containsKey(name + "-year")) {
            String day = form.getOrDefault(name + "-day", "").strip();
            String month = form.getOrDefault(name + "-month", "").strip();
            String year = form.getOrDefault(name + "-year", "").strip();
            if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            } catch (RuntimeException notADate) {
                throw PlatformException.invalid(name, "Enter a real date, for example 27 3 2007.");
            }
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            throw PlatformException.invalid(name, "Enter the date as YYYY-MM-DD, for example 2025-04-01.");
        }
    }
}
