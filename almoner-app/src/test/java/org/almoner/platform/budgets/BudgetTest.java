package org.almoner.platform.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.almoner.platform.pathways.ApprovalLevel;
import org.almoner.platform.pathways.Pathway;
import org.almoner.platform.people.AgeGroup;
import org.almoner.platform.plans.PlanContent;
import org.almoner.platform.plans.PlanLine;
import org.almoner.platform.plans.PlanVersion;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.junit.jupiter.api.Test;

class BudgetTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Pathway PATHWAY = new Pathway("CHC", "d", "i", "r", "a", "g", "p", "v", "panel", new BigDecimal("10"),
            new BigDecimal("100000"), 10);
    private final UUID person = UUID.randomUUID();

    @Property
    void theMechanismsAndTheContributionsEachAddUpToTheFinalBudget(@ForAll("lines") List<PlanLine> lines) {
        Budget budget = indicative("1000.00");
        budget.recordDirectPaymentSuitability(true, "Able to manage");

        budget.submit(plan(lines), PATHWAY, BigDecimal.ZERO, TODAY);

        BigDecimal total = lines.stream().map(PlanLine::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(budget.finalAmount()).isEqualByComparingTo(total);
        assertThat(budget.mechanisms().total()).isEqualByComparingTo(total);
        Contributions paid = budget.contributions();
        assertThat(paid.nhs().add(paid.socialCare()).add(paid.education())).isEqualByComparingTo(total);
    }

    @Property
    void withholdingADirectPaymentNeverChangesTheBudget(@ForAll("lines") List<PlanLine> lines, @ForAll boolean toThirdParty) {
        Budget budget = indicative("1000.00");
        budget.recordDirectPaymentSuitability(true, "Able to manage");
        budget.submit(plan(lines), PATHWAY, BigDecimal.ZERO, TODAY);

        budget.withholdDirectPayment("Concerns about use", toThirdParty ? "Independent Living Trust" : null);

        assertThat(budget.mechanisms().directPayment()).isZero();
        assertThat(budget.mechanisms().total()).isEqualByComparingTo(budget.finalAmount());
    }

    @Test
    void aBudgetAboveToleranceWaitsForThePanel() {
        Budget budget = indicative("1000.00");
        budget.submit(plan(List.of(line("2000.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.NHS))), PATHWAY, null, TODAY);

        assertThat(budget.approvalLevel()).isEqualTo(ApprovalLevel.PANEL);
        assertThat(budget.approvalDueOn()).isEqualTo(TODAY.plusDays(10));
        assertThatThrownBy(() -> budget.decide(decision(ApprovalLevel.APPROVER, true)))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> assertThat(refusal.code()).isEqualTo(PlatformErrorCode.BUDGET_STATE_CONFLICT));
        budget.decide(decision(ApprovalLevel.PANEL, true));
        assertThat(budget.status()).isEqualTo(BudgetStatus.APPROVED);
    }

    @Test
    void anApprovalWaitingPastItsDueDateIsLate() {
        Budget budget = indicative("1000.00");
        budget.submit(plan(List.of(line("900.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.NHS))), PATHWAY, null, TODAY);

        assertThat(budget.approvalLate(TODAY.plusDays(10))).isFalse();
        assertThat(budget.approvalLate(TODAY.plusDays(11))).isTrue();
    }

    @Test
    void aRefusedBudgetCanBeRevisedAndSubmittedAgain() {
        Budget budget = indicative("1000.00");
        budget.submit(plan(List.of(line("900.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.NHS))), PATHWAY, null, TODAY);
        budget.decide(decision(ApprovalLevel.APPROVER, false));

        budget.submit(plan(List.of(line("800.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.NHS))), PATHWAY, null, TODAY);

        assertThat(budget.status()).isEqualTo(BudgetStatus.AWAITING_APPROVAL);
        assertThat(budget.finalAmount()).isEqualByComparingTo("800.00");
    }

    @Test
    void aDirectPaymentNeedsSuitabilityRecordedFirst() {
        Budget budget = indicative("1000.00");

        assertThatThrownBy(() -> budget.submit(plan(List.of(line("500.00", PlanLine.Management.DIRECT_PAYMENT, PlanLine.FundingSource.NHS))),
                PATHWAY, null, TODAY)).isInstanceOfSatisfying(PlatformException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(PlatformErrorCode.DIRECT_PAYMENT_NOT_ALLOWED));
        assertThat(budget.status()).isEqualTo(BudgetStatus.INDICATIVE);
    }

    @Test
    void thePersonsContributionCannotExceedTheSocialCarePart() {
        Budget budget = indicative("1000.00");
        PlanVersion plan = plan(List.of(line("300.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.SOCIAL_CARE),
                line("700.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.NHS)));

        assertThatThrownBy(() -> budget.submit(plan, PATHWAY, new BigDecimal("300.01"), TODAY))
                .isInstanceOfSatisfying(PlatformException.class, refusal -> assertThat(refusal.field()).contains("personContribution"));
        budget.submit(plan, PATHWAY, new BigDecimal("300.00"), TODAY);
        assertThat(budget.contributions().publicFunding()).isEqualByComparingTo("700.00");
    }

    @Test
    void aBudgetStartsOnlyOnceApprovedAndAOneOffBudgetNeedsAnEnd() {
        Budget budget = indicative("1000.00");
        assertThatThrownBy(() -> budget.activate(TODAY, true, null)).isInstanceOf(PlatformException.class);
        budget.submit(plan(List.of(line("900.00", PlanLine.Management.NOTIONAL, PlanLine.FundingSource.NHS))), PATHWAY, null, TODAY);
        budget.decide(decision(ApprovalLevel.APPROVER, true));

        assertThatThrownBy(() -> budget.activate(TODAY, false, null)).isInstanceOfSatisfying(PlatformException.class,
                refusal -> assertThat(refusal.field()).contains("endDate"));
        budget.activate(TODAY, false, TODAY.plusMonths(6));
        assertThat(budget.status()).isEqualTo(BudgetStatus.ACTIVE);
        assertThat(budget.ongoing()).isFalse();
    }

    private Budget indicative(String amount) {
        return Budget.indicative(person, "CHC", AgeGroup.ADULT, "NHS_CONTINUING_HEALTHCARE", new StatementOfResources("test", List.of(
                new IndicativeLine("DCA01", "Home care", null, null, BigDecimal.ONE, "year", new BigDecimal(amount), null, true, null))));
    }

    private PlanVersion plan(List<PlanLine> lines) {
        PlanContent content = new PlanContent(null, null, null, null, null, null, null, lines, null, null, null);
        return new PlanVersion(UUID.randomUUID(), person, 1, content, content.totalAnnualCost(), false, TODAY, "coordinator");
    }

    private static PlanLine line(String cost, PlanLine.Management management, PlanLine.FundingSource funding) {
        return new PlanLine("Support", "DCA01", "weekly", BigDecimal.ONE, "year", new BigDecimal(cost), null, funding, management);
    }

    private static ApprovalDecision decision(ApprovalLevel level, boolean approved) {
        return new ApprovalDecision("BUDGET", level, approved, "reasons", "approver", Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Provide
    Arbitrary<List<PlanLine>> lines() {
        Arbitrary<PlanLine> line = Combinators.combine(
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000")).ofScale(2),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("150")).ofScale(2),
                        Arbitraries.of(PlanLine.FundingSource.class), Arbitraries.of(PlanLine.Management.class))
                .as((units, cost, funding, management) -> new PlanLine("Support", "PROVIDER", "weekly", units, "hour", cost, null,
                        funding, management));
        return line.list().ofMinSize(1).ofMaxSize(8);
    }
}
