package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.almoner.platform.pathways.ApprovalLevel;
import org.almoner.platform.pathways.Pathway;
import org.almoner.platform.people.AgeGroup;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.PlanVersion;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;

/**
 * A personal health budget (or integrated personal budget), from indicative amount to an active
 * budget. Each change of state is a method that enforces its own rules; {@link Budgets} stores it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Budget {

    private final UUID id;
    private final UUID personId;
    private final String cohort;
    private final AgeGroup ageGroup;
    private final String eligibilityCategory;
    private final BigDecimal indicativeAmount;
    private final StatementOfResources indicativeWorking;
    private BudgetStatus status;
    private UUID planId;
    private Integer planVersion;
    private BigDecimal finalAmount;
    private Contributions contributions;
    private ApprovalLevel approvalLevel;
    private LocalDate approvalDueOn;
    private Mechanisms mechanisms;
    private Boolean directPaymentSuitable;
    private String directPaymentSuitabilityNote;
    private String directPaymentWithheldReason;
    private boolean ongoing;
    private LocalDate startDate;
    private LocalDate endDate;
    private final int rowVersion;

    Budget(UUID id, UUID personId, String cohort, AgeGroup ageGroup, String eligibilityCategory, BigDecimal indicativeAmount,
            StatementOfResources indicativeWorking, BudgetStatus status, UUID planId, Integer planVersion, BigDecimal finalAmount,
            Contributions contributions, ApprovalLevel approvalLevel, LocalDate approvalDueOn, Mechanisms mechanisms,
            Boolean directPaymentSuitable, String directPaymentSuitabilityNote, String directPaymentWithheldReason,
            boolean ongoing, LocalDate startDate, LocalDate endDate, int rowVersion) {
        this.id = requireNonNull(id, "id is null");
        this.personId = requireNonNull(personId, "personId is null");
        this.cohort = requireNonNull(cohort, "cohort is null");
        this.ageGroup = requireNonNull(ageGroup, "ageGroup is null");
        this.eligibilityCategory = requireNonNull(eligibilityCategory, "eligibilityCategory is null");
        this.indicativeAmount = requireNonNull(indicativeAmount, "indicativeAmount is null");
        this.indicativeWorking = requireNonNull(indicativeWorking, "indicativeWorking is null");
        this.status = requireNonNull(status, "status is null");
        this.planId = planId;
        this.planVersion = planVersion;
        this.finalAmount = finalAmount;
        this.contributions = requireNonNull(contributions, "contributions is null");
        this.approvalLevel = approvalLevel;
        this.approvalDueOn = approvalDueOn;
        this.mechanisms = requireNonNull(mechanisms, "mechanisms is null");
        this.directPaymentSuitable = directPaymentSuitable;
        this.directPaymentSuitabilityNote = directPaymentSuitabilityNote;
        this.directPaymentWithheldReason = directPaymentWithheldReason;
        this.ongoing = ongoing;
        this.startDate = startDate;
        this.endDate = endDate;
        this.rowVersion = rowVersion;
    }

    /** A new budget at its indicative amount, for a person found eligible. */
    static Budget indicative(UUID personId, String cohort, AgeGroup ageGroup, String eligibilityCategory,
            StatementOfResources statement) {
        return new Budget(UUID.randomUUID(), personId, cohort, ageGroup, eligibilityCategory, statement.indicativeBudget(), statement,
                BudgetStatus.INDICATIVE, null, null, null, Contributions.NONE, null, null, Mechanisms.NONE, null, null, null,
                true, null, null, 0);
    }

    /**
     * Sets the final budget from an agreed plan's costed lines and sends it for approval. The
     * mechanisms follow how each line is managed; the pathway decides who approves.
     */
    public void submit(PlanVersion plan, Pathway pathway, BigDecimal personContribution, LocalDate today) {
        requireStatus("submit it for approval", BudgetStatus.INDICATIVE, BudgetStatus.NOT_APPROVED);
        if (!plan.personId().equals(personId)) {
            throw PlatformException.invalid("planId", "That plan belongs to someone else. Choose one of this person's plans.");
        }
        if (plan.content().lines().isEmpty()) {
            throw PlatformException.invalid("planId", "The plan has no costed lines, so there is nothing to budget for. Add the support chosen to the plan and agree it again.");
        }
        BigDecimal nhs = sum(plan, PlanLine.FundingSource.NHS, null);
        BigDecimal socialCare = sum(plan, PlanLine.FundingSource.SOCIAL_CARE, null);
        BigDecimal education = sum(plan, PlanLine.FundingSource.EDUCATION, null);
        BigDecimal person = personContribution == null ? BigDecimal.ZERO.setScale(2) : personContribution.setScale(2, java.math.RoundingMode.HALF_UP);
        if (person.signum() < 0 || person.compareTo(socialCare) > 0) {
            throw PlatformException.invalid("personContribution", "The person's assessed contribution must be between 0 and the social care part of the plan ("
                    + socialCare + ").");
        }
        Mechanisms split = new Mechanisms(
                sum(plan, null, PlanLine.Management.NOTIONAL),
                sum(plan, null, PlanLine.Management.THIRD_PARTY),
                plan.content().lines().stream().filter(line -> line.management() == PlanLine.Management.THIRD_PARTY)
                        .map(PlanLine::provider).filter(provider -> provider != null).findFirst().orElse("Third party named in the plan"),
                sum(plan, null, PlanLine.Management.DIRECT_PAYMENT));
        requireDirectPaymentAllowed(split);
        this.planId = plan.planId();
        this.planVersion = plan.version();
        this.finalAmount = plan.totalAnnualCost();
        this.contributions = new Contributions(nhs, socialCare, education, person);
        this.mechanisms = split;
        this.approvalLevel = pathway.approvalLevelFor(indicativeAmount, finalAmount);
        this.approvalDueOn = today.plusDays(pathway.approvalDueDays());
        this.status = BudgetStatus.AWAITING_APPROVAL;
    }

    /** Records a decision on the budget; a budget that needs the panel cannot be decided by one approver. */
    public void decide(ApprovalDecision decision) {
        requireStatus("decide on it", BudgetStatus.AWAITING_APPROVAL);
        if (approvalLevel == ApprovalLevel.PANEL && decision.level() != ApprovalLevel.PANEL) {
            throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT, "asPanel",
                    "This budget is above the approver's tolerance or the panel threshold, so the panel decides. Record the panel's decision (asPanel true).");
        }
        this.status = decision.approved() ? BudgetStatus.APPROVED : BudgetStatus.NOT_APPROVED;
    }

    /** Starts the budget; from now on it can be spent and reviews are due. */
    public void activate(LocalDate start, boolean ongoing, LocalDate end) {
        requireStatus("start it", BudgetStatus.APPROVED);
        if (start == null) {
            throw PlatformException.invalid("startDate", "Give the date the budget starts.");
        }
        if (!ongoing && end == null) {
            throw PlatformException.invalid("endDate", "A one-off budget needs an end date.");
        }
        if (end != null && !end.isAfter(start)) {
            throw PlatformException.invalid("endDate", "The end date must come after the start date (" + start + ").");
        }
        requireDirectPaymentAllowed(mechanisms);
        this.startDate = start;
        this.ongoing = ongoing;
        this.endDate = end;
        this.status = BudgetStatus.ACTIVE;
    }

    /** Records whether a direct payment suits the person, and why (handbook 2.7.4 h). */
    public void recordDirectPaymentSuitability(boolean suitable, String note) {
        requireStatusNot("record direct payment suitability", BudgetStatus.ENDED);
        if (note == null || note.isBlank()) {
            throw PlatformException.invalid("note", "Record why a direct payment does or does not suit the person.");
        }
        if (!suitable && mechanisms.directPayment().signum() > 0 && status == BudgetStatus.ACTIVE) {
            throw new PlatformException(PlatformErrorCode.DIRECT_PAYMENT_NOT_ALLOWED, "suitable",
                    "This budget is paying a direct payment. Withhold the direct payment (with reasons) instead.");
        }
        this.directPaymentSuitable = suitable;
        this.directPaymentSuitabilityNote = note.strip();
    }

    /**
     * Stops the direct payment, with reasons; the person keeps the money as a notional budget, or a
     * third-party budget when an organisation is named.
     */
    public void withholdDirectPayment(String reason, String thirdPartyOrganisation) {
        requireStatusNot("withhold its direct payment", BudgetStatus.ENDED, BudgetStatus.NOT_APPROVED);
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason", "Record why the direct payment is withheld; the person has a right to know.");
        }
        this.mechanisms = mechanisms.withoutDirectPayment(thirdPartyOrganisation != null && !thirdPartyOrganisation.isBlank(),
                thirdPartyOrganisation);
        this.directPaymentWithheldReason = reason.strip();
        this.directPaymentSuitable = false;
    }

    /** Checks a proposed new split before it goes to an approver. */
    public void checkMechanismChange(Mechanisms proposed) {
        requireStatus("change how it is held", BudgetStatus.ACTIVE, BudgetStatus.APPROVED);
        if (proposed.total().compareTo(finalAmount) != 0) {
            throw new PlatformException(PlatformErrorCode.MECHANISM_SPLIT_MISMATCH, "notional",
                    "The parts add up to " + proposed.total() + " but the budget is " + finalAmount + ". Make them add up to the budget.");
        }
        requireDirectPaymentAllowed(proposed);
    }

    /** Applies a change of mechanisms an approver has agreed. */
    void changeMechanisms(Mechanisms approved) {
        checkMechanismChange(approved);
        this.mechanisms = approved;
    }

    public boolean approvalLate(LocalDate today) {
        return status == BudgetStatus.AWAITING_APPROVAL && approvalDueOn != null && today.isAfter(approvalDueOn);
    }

    private void requireDirectPaymentAllowed(Mechanisms split) {
        if (split.directPayment().signum() > 0) {
            if (directPaymentWithheldReason != null) {
                throw new PlatformException(PlatformErrorCode.DIRECT_PAYMENT_NOT_ALLOWED, "directPayment",
                        "The direct payment was withheld (" + directPaymentWithheldReason + "). Hold that part notionally or through a third party.");
            }
            if (!Boolean.TRUE.equals(directPaymentSuitable)) {
                throw new PlatformException(PlatformErrorCode.DIRECT_PAYMENT_NOT_ALLOWED, "directPayment",
                        "Record that a direct payment suits the person before any of the budget is paid that way.");
            }
        }
    }

    private static BigDecimal sum(PlanVersion plan, PlanLine.FundingSource funding, PlanLine.Management management) {
        return plan.content().lines().stream()
                .filter(line -> funding == null || line.fundingSource() == funding)
                .filter(line -> management == null || line.management() == management)
                .map(PlanLine::annualCost)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private void requireStatus(String doing, BudgetStatus... allowed) {
        for (BudgetStatus candidate : allowed) {
            if (candidate == status) {
                return;
            }
        }
        throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT,
                "The budget is " + status + ", so you cannot " + doing + " now.");
    }

    private void requireStatusNot(String doing, BudgetStatus... refused) {
        for (BudgetStatus candidate : refused) {
            if (candidate == status) {
                throw new PlatformException(PlatformErrorCode.BUDGET_STATE_CONFLICT,
                        "The budget is " + status + ", so you cannot " + doing + ".");
            }
        }
    }

    public UUID id() { return id; }
    public UUID personId() { return personId; }
    public String cohort() { return cohort; }
    public AgeGroup ageGroup() { return ageGroup; }
    public String eligibilityCategory() { return eligibilityCategory; }
    public BigDecimal indicativeAmount() { return indicativeAmount; }
    public StatementOfResources indicativeWorking() { return indicativeWorking; }
    public BudgetStatus status() { return status; }
    public UUID planId() { return planId; }
    public Integer planVersion() { return planVersion; }
    public BigDecimal finalAmount() { return finalAmount; }
    public Contributions contributions() { return contributions; }
    public ApprovalLevel approvalLevel() { return approvalLevel; }
    public LocalDate approvalDueOn() { return approvalDueOn; }
    public Mechanisms mechanisms() { return mechanisms; }
    public Boolean directPaymentSuitable() { return directPaymentSuitable; }
    public String directPaymentSuitabilityNote() { return directPaymentSuitabilityNote; }
    public String directPaymentWithheldReason() { return directPaymentWithheldReason; }
    public boolean ongoing() { return ongoing; }
    public LocalDate startDate() { return startDate; }
    public LocalDate endDate() { return endDate; }
    int rowVersion() { return rowVersion; }
}
