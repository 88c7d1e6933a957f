package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.pathways.ApprovalLevel;
import org.almoner.platform.pathways.Pathways;
import org.almoner.platform.people.Person;
import org.almoner.platform.plans.Plan;
import org.almoner.platform.plans.PlanVersion;
import org.almoner.platform.plans.Plans;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.almoner.platform.referrals.EligibilityDecision;
import org.almoner.platform.referrals.Referral;
import org.almoner.platform.referrals.Referrals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The budget's journey: indicative budget, submission with the agreed plan, decision, start, and
 * changes to how it is held. Each step loads the budget, asks it to change, and saves it.
 */
@Component
public class Budgeting {

    private final Budgets budgets;
    private final Referrals referrals;
    private final Plans plans;
    private final Pathways pathways;
    private final StatementsOfResources statements;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Budgeting(Budgets budgets, Referrals referrals, Plans plans, Pathways pathways, StatementsOfResources statements,
            ApplicationEventPublisher events, Clock clock) {
        this.budgets = requireNonNull(budgets, "budgets is null");
        this.referrals = requireNonNull(referrals, "referrals is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.pathways = requireNonNull(pathways, "pathways is null");
        this.statements = requireNonNull(statements, "statements is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Sets an indicative budget for an eligible person: from the lines given, or else from the
     * person's statement of resources in the linked data set.
     */
    @Transactional
    public Budget setIndicative(Person person, List<IndicativeLine> lines, Actor coordinator) {
        Referral referral = referrals.latestEligibleReferral(person.id())
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.NOT_ELIGIBLE,
                        "This person has no referral decided eligible. Record the eligibility decision first."));
        EligibilityDecision eligibility = referral.eligibility().orElseThrow();
        // One budget at a time: a second would double-count the person's money.
        budgets.forPerson(person.id()).stream().filter(existing -> existing.status() != BudgetStatus.ENDED).findFirst()
                .ifPresent(existing -> {
                    throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT,
                            "This person already has a budget (" + existing.id() + ", " + existing.status()
                                    + "). Revise that budget rather than set another.");
                });
        StatementOfResources statement;
        if (lines != null && !lines.isEmpty()) {
            statement = new StatementOfResources("Entered by " + coordinator.username(), lines);
        } else {
            statement = person.analyticsPseudonym().flatMap(statements::forPseudonym)
                    .orElseThrow(() -> new PlatformException(PlatformErrorCode.NO_STATEMENT_OF_RESOURCES, "lines",
                            "The linked data set has no activity for this person, so there is no statement of resources to set an "
                                    + "indicative budget from. Send the statement's lines yourself."));
        }
        Budget budget = Budget.indicative(person.id(), referral.cohort(), eligibility.ageGroup(), eligibility.basis().name(), statement);
        budgets.add(budget, coordinator.username());
        return budgets.find(budget.id()).orElseThrow();
    }

    @Transactional
    public Budget submit(Budget budget, UUID planId, Integer version, BigDecimal personContribution) {
        if (planId == null) {
            throw PlatformException.invalid("planId", "Give the agreed care and support plan the budget pays for.");
        }
        Plan plan = plans.find(planId).orElseThrow(() -> PlatformException.invalid("planId", "There is no plan with id " + planId + "."));
        int chosen = version == null ? plan.agreedVersions() : version;
        PlanVersion agreed = chosen == 0 ? null : plans.version(planId, chosen).orElse(null);
        if (agreed == null) {
            throw PlatformException.invalid(version == null ? "planId" : "planVersion",
                    "That plan has no agreed version" + (version == null ? "" : " " + version) + ". Agree the plan first.");
        }
        budget.submit(agreed, pathways.require(budget.cohort(), "cohort"), personContribution, LocalDate.now(clock));
        budgets.save(budget);
        return reload(budget);
    }

    @Transactional
    public Budget decide(Budget budget, boolean approved, String reasons, boolean asPanel, Actor approver) {
        if (reasons == null || reasons.isBlank()) {
            throw PlatformException.invalid("reasons", "Record the reasons for the decision.");
        }
        ApprovalDecision decision = new ApprovalDecision("BUDGET", asPanel ? ApprovalLevel.PANEL : ApprovalLevel.APPROVER, approved,
                reasons.strip(), approver.username(), clock.instant());
        budget.decide(decision);
        budgets.save(budget);
        budgets.addDecision(budget.id(), decision);
        if (approved) {
            events.publishEvent(new BudgetApproved(budget.id(), budget.personId(), budget.finalAmount(), decision.level()));
        }
        return reload(budget);
    }

    @Transactional
    public Budget activate(Budget budget, LocalDate start, Boolean ongoing, LocalDate end, boolean monthlyEarlyReviews) {
        budget.activate(start == null ? LocalDate.now(clock) : start, ongoing == null || ongoing, end);
        budgets.save(budget);
        events.publishEvent(new BudgetActivated(budget.id(), budget.personId(), budget.finalAmount(), budget.mechanisms(),
                budget.startDate(), budget.ongoing(), budget.endDate(), monthlyEarlyReviews));
        return reload(budget);
    }

    @Transactional
    public Budget recordDirectPaymentSuitability(Budget budget, Boolean suitable, String note) {
        if (suitable == null) {
            throw PlatformException.invalid("suitable", "Say whether a direct payment suits the person: true or false.");
        }
        budget.recordDirectPaymentSuitability(suitable, note);
        budgets.save(budget);
        return reload(budget);
    }

    @Transactional
    public Budget withholdDirectPayment(Budget budget, String reason, String thirdPartyOrganisation) {
        Mechanisms before = budget.mechanisms();
        budget.withholdDirectPayment(reason, thirdPartyOrganisation);
        budgets.save(budget);
        events.publishEvent(new MechanismsChanged(budget.id(), budget.personId(), before, budget.mechanisms(),
                "Direct payment withheld: " + budget.directPaymentWithheldReason()));
        return reload(budget);
    }

    @Transactional
    public MechanismChange proposeMechanismChange(Budget budget, Mechanisms proposed, String reason, Actor coordinator) {
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason", "Say why the way the budget is held should change.");
        }
        budget.checkMechanismChange(proposed);
        MechanismChange change = new MechanismChange(UUID.randomUUID(), budget.id(), proposed, reason.strip(), "PROPOSED",
                coordinator.username());
        budgets.addMechanismChange(change);
        return change;
    }

    @Transactional
    public Budget decideMechanismChange(Budget budget, UUID changeId, boolean approved, String reasons, Actor approver) {
        if (reasons == null || reasons.isBlank()) {
            throw PlatformException.invalid("reasons", "Record the reasons for the decision.");
        }
        MechanismChange change = budgets.mechanismChange(changeId).filter(found -> found.budgetId().equals(budget.id()))
                .orElseThrow(() -> new PlatformException(PlatformErrorCode.NOT_FOUND, "changeId",
                        "This budget has no proposed change " + changeId + "."));
        budgets.settleMechanismChange(change.id(), approved);
        budgets.addDecision(budget.id(), new ApprovalDecision("MECHANISM_CHANGE", ApprovalLevel.APPROVER, approved, reasons.strip(),
                approver.username(), clock.instant()));
        if (approved) {
            Mechanisms before = budget.mechanisms();
            budget.changeMechanisms(change.proposed());
            budgets.save(budget);
            events.publishEvent(new MechanismsChanged(budget.id(), budget.personId(), before, change.proposed(), change.reason()));
        }
        return reload(budget);
    }

    public Optional<Budget> find(UUID budgetId) {
        return budgets.find(budgetId);
    }

    private Budget reload(Budget budget) {
        return budgets.find(budget.id()).orElseThrow();
    }
}
