package org.almoner.platform.pages;

import java.time.Clock;
import java.time.LocalDate;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.BudgetStatus;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.people.People;
import org.almoner.platform.people.Person;
import org.almoner.platform.ledger.Ledger;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.plans.PlanVersion;
import org.almoner.platform.reviews.Reviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The budget holder's own pages: their plan in plain English, and their budget. */
@Controller
class HolderPages {

    private final Ledger ledger;
    private final People people;
    private final Plans plans;
    private final Budgets budgets;
    private final Reviews reviews;
    private final PersonAccess access;
    private final Actors actors;
    private final Clock clock;

    HolderPages(People people, Plans plans, Budgets budgets, Reviews reviews, PersonAccess access, Actors actors, Clock clock, Ledger ledger) {
        this.ledger = ledger;
        this.people = requireNonNull(people, "people is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.access = requireNonNull(access, "access is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/my/plan")
    String myPlan(Model model) {
        Person person = me(Page.MY_PLAN, PersonOperation.VIEW_PLAN, "PLAN");
        Optional<PlanVersion> agreed = plans.forPerson(person.id()).stream().flatMap(plan -> plan.latestAgreed().stream()).findFirst();
        model.addAttribute("person", person);
        model.addAttribute("agreed", agreed.orElse(null));
        return "pages/my-plan";
    }

    @GetMapping("/my/budget")
    String myBudget(Model model) {
        Person person = me(Page.MY_BUDGET, PersonOperation.VIEW_BUDGET, "BUDGET");
        Optional<Budget> budget = budgets.forPerson(person.id()).stream().filter(found -> found.status() != BudgetStatus.ENDED).findFirst();
        model.addAttribute("person", person);
        model.addAttribute("budget", budget.orElse(null));
        model.addAttribute("balances", budget.filter(found -> ledger.isOpen(found.id()))
                .map(found -> LedgerView.of(ledger.balances(found.id()))).orElse(null));
        access.require(person.id(), PersonOperation.VIEW_REVIEWS, "REVIEW", null);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reviews", reviews.forPerson(person.id()).stream().filter(review -> review.completedOn().isEmpty()).toList());
        return "pages/my-budget";
    }

    /** The person the budget holder is, or represents, through the same gate as everyone else. */
    private Person me(Page page, PersonOperation operation, String recordType) {
        Actor actor = actors.current();
        page.requireFor(actor);
        UUID personId = actor.personId().orElseGet(() -> people.visibleTo(actor, 1).stream().map(Person::id).findFirst()
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.PERSON_NOT_FOUND,
                        "Your account is not linked to a person yet. Ask your coordinator to link it.")));
        access.require(personId, PersonOperation.VIEW_PERSON, "PERSON", personId);
        return access.require(personId, operation, recordType, personId);
    }
}
