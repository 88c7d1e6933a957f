package org.almoner.platform.pages;

import java.time.Clock;
import java.time.LocalDate;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.almoner.platform.budgets.Budget;
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

    private final Holders holders;
    private final Ledger ledger;
    private final Plans plans;
    private final Reviews reviews;
    private final PersonAccess access;
    private final Clock clock;

    HolderPages(Holders holders, Plans plans, Reviews reviews, PersonAccess access, Clock clock, Ledger ledger) {
        this.holders = requireNonNull(holders, "holders is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.access = requireNonNull(access, "access is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/my/plan")
    String myPlan(Model model) {
        Person person = holders.me(Page.MY_PLAN, PersonOperation.VIEW_PLAN, "PLAN");
        Optional<PlanVersion> agreed = plans.forPerson(person.id()).stream().flatMap(plan -> plan.latestAgreed().stream()).findFirst();
        model.addAttribute("person", person);
        model.addAttribute("agreed", agreed.orElse(null));
        return "pages/my-plan";
    }

    @GetMapping("/my/budget")
    String myBudget(Model model) {
        Person person = holders.me(Page.MY_BUDGET, PersonOperation.VIEW_BUDGET, "BUDGET");
        Optional<Budget> budget = holders.currentBudget(person);
        model.addAttribute("person", person);
        model.addAttribute("budget", budget.orElse(null));
        model.addAttribute("balances", budget.filter(found -> ledger.isOpen(found.id()))
                .map(found -> LedgerView.of(ledger.balances(found.id()))).orElse(null));
        access.require(person.id(), PersonOperation.VIEW_REVIEWS, "REVIEW", null);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reviews", reviews.forPerson(person.id()).stream().filter(review -> review.completedOn().isEmpty()).toList());
        return "pages/my-budget";
    }
}
