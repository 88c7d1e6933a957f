package org.almoner.platform.budgets.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.budgets.ApprovalDecision;
import org.almoner.platform.budgets.Budget;
import org.almoner.platform.budgets.Budgeting;
import org.almoner.platform.budgets.Budgets;
import org.almoner.platform.budgets.IndicativeLine;
import org.almoner.platform.budgets.MechanismChange;
import org.almoner.platform.budgets.Mechanisms;
import org.almoner.platform.people.Person;
import org.almoner.platform.people.PersonAccess;
import org.almoner.platform.people.PersonOperation;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BudgetsController {

    private final Budgeting budgeting;
    private final Budgets budgets;
    private final PersonAccess access;
    private final Actors actors;
    private final Clock clock;

    BudgetsController(Budgeting budgeting, Budgets budgets, PersonAccess access, Actors actors, Clock clock) {
        this.budgeting = budgeting;
        this.budgets = budgets;
        this.access = access;
        this.actors = actors;
        this.clock = clock;
    }

    record IndicativeRequest(List<IndicativeLine> lines) {}

    record SubmitRequest(UUID planId, Integer planVersion, BigDecimal personContribution) {}

    record DecisionRequest(Boolean approved, String reasons, Boolean asPanel) {}

    record ActivateRequest(LocalDate startDate, Boolean ongoing, LocalDate endDate, Boolean monthlyReviewsInFirstThreeMonths) {}

    record SuitabilityRequest(Boolean suitable, String note) {}

    record WithholdRequest(String reason, String thirdPartyOrganisation) {}

    record MechanismChangeRequest(BigDecimal notional, BigDecimal thirdParty, String thirdPartyOrganisation, BigDecimal directPayment,
            String reason) {}

    /** A budget with its decisions, proposed changes and whether its approval is late. */
    record BudgetDetails(Budget budget, List<ApprovalDecision> decisions, List<MechanismChange> mechanismChanges, boolean approvalLate) {}

    @PostMapping("/api/people/{personId}/budgets")
    ResponseEntity<BudgetDetails> setIndicative(@PathVariable UUID personId, @RequestBody(required = false) IndicativeRequest request) {
        Person person = access.require(personId, PersonOperation.EDIT_BUDGET, "BUDGET", null);
        Budget budget = budgeting.setIndicative(person, request == null ? null : request.lines(), actors.current());
        return ResponseEntity.created(URI.create("/api/budgets/" + budget.id())).body(details(budget));
    }

    @GetMapping("/api/people/{personId}/budgets")
    List<BudgetDetails> forPerson(@PathVariable UUID personId) {
        access.require(personId, PersonOperation.VIEW_BUDGET, "BUDGET", null);
        return budgets.forPerson(personId).stream().map(this::details).toList();
    }

    /** Budgets waiting for a decision in the approver's organisation; those waiting too long are marked late. */
    @GetMapping("/api/budgets/awaiting-approval")
    List<BudgetDetails> awaitingApproval() {
        Actor approver = access.requireRole(PersonOperation.DECIDE_BUDGET, "BUDGET_LIST");
        List<Budget> waiting = budgets.awaitingApproval(approver.organisation());
        access.recordAllowed(PersonOperation.VIEW_BUDGET, "BUDGET_LIST",
                waiting.stream().map(budget -> new PersonAccess.Reached(budget.personId(), budget.id())).toList());
        return waiting.stream().map(this::details).toList();
    }

    @GetMapping("/api/budgets/{budgetId}")
    BudgetDetails one(@PathVariable UUID budgetId) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.VIEW_BUDGET, "BUDGET", budgetId);
        return details(budget);
    }

    @PostMapping("/api/budgets/{budgetId}/submit")
    BudgetDetails submit(@PathVariable UUID budgetId, @RequestBody SubmitRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.EDIT_BUDGET, "BUDGET", budgetId);
        return details(budgeting.submit(budget, request.planId(), request.planVersion(), request.personContribution()));
    }

    @PostMapping("/api/budgets/{budgetId}/decisions")
    BudgetDetails decide(@PathVariable UUID budgetId, @RequestBody DecisionRequest request) {
        if (request.approved() == null) {
            throw PlatformException.invalid("approved", "Say whether the budget is approved: true or false.");
        }
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.DECIDE_BUDGET, "BUDGET", budgetId);
        return details(budgeting.decide(budget, request.approved(), request.reasons(), Boolean.TRUE.equals(request.asPanel()),
                actors.current()));
    }

    @PostMapping("/api/budgets/{budgetId}/activate")
    BudgetDetails activate(@PathVariable UUID budgetId, @RequestBody(required = false) ActivateRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.EDIT_BUDGET, "BUDGET", budgetId);
        ActivateRequest given = request == null ? new ActivateRequest(null, null, null, null) : request;
        return details(budgeting.activate(budget, given.startDate(), given.ongoing(), given.endDate(),
                Boolean.TRUE.equals(given.monthlyReviewsInFirstThreeMonths())));
    }

    @PostMapping("/api/budgets/{budgetId}/direct-payment/suitability")
    BudgetDetails suitability(@PathVariable UUID budgetId, @RequestBody SuitabilityRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.EDIT_BUDGET, "BUDGET", budgetId);
        return details(budgeting.recordDirectPaymentSuitability(budget, request.suitable(), request.note()));
    }

    @PostMapping("/api/budgets/{budgetId}/direct-payment/withhold")
    BudgetDetails withhold(@PathVariable UUID budgetId, @RequestBody WithholdRequest request) {
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.EDIT_BUDGET, "BUDGET", budgetId);
        return details(budgeting.withholdDirectPayment(budget, request.reason(), request.thirdPartyOrganisation()));
    }

    @PostMapping("/api/budgets/{budgetId}/mechanism-changes")
    ResponseEntity<MechanismChange> proposeChange(@PathVariable UUID budgetId, @RequestBody MechanismChangeRequest request) {
        Mechanisms proposed = new Mechanisms(request.notional(), request.thirdParty(), request.thirdPartyOrganisation(), request.directPayment());
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.EDIT_BUDGET, "BUDGET", budgetId);
        MechanismChange change = budgeting.proposeMechanismChange(budget, proposed, request.reason(), actors.current());
        return ResponseEntity.created(URI.create("/api/budgets/" + budgetId)).body(change);
    }

    @PostMapping("/api/budgets/{budgetId}/mechanism-changes/{changeId}/decision")
    BudgetDetails decideChange(@PathVariable UUID budgetId, @PathVariable UUID changeId, @RequestBody DecisionRequest request) {
        if (request.approved() == null) {
            throw PlatformException.invalid("approved", "Say whether the change is approved: true or false.");
        }
        Budget budget = existing(budgetId);
        access.require(budget.personId(), PersonOperation.DECIDE_BUDGET, "BUDGET", budgetId);
        return details(budgeting.decideMechanismChange(budget, changeId, request.approved(), request.reasons(), actors.current()));
    }

    private BudgetDetails details(Budget budget) {
        return new BudgetDetails(budget, budgets.decisions(budget.id()), budgets.mechanismChanges(budget.id()),
                budget.approvalLate(LocalDate.now(clock)));
    }

    private Budget existing(UUID budgetId) {
        return budgets.find(budgetId).orElseThrow(() -> new PlatformException(PlatformErrorCode.BUDGET_NOT_FOUND, "budgetId",
                "There is no budget with id " + budgetId + ". Check the address."));
    }
}
