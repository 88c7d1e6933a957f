package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * How an indicative budget was worked out, step by step (handbook 2019, 2.7.4 a: transparency).
 *
 * @param includableThisYear       cost in the base year of the services that can be in the budget
 * @param includablePreviousYear   the same for the year before; null when the person was not in the data then
 * @param fluctuating              whether the two years differ by more than the rules allow, so they are averaged
 * @param blendedCost              the base year's cost, or the average of the two years when fluctuating
 * @param deteriorating            whether the needs assessment (or the rules' stand-in) expects more support next year
 * @param trajectoryFrom           where the trajectory came from: a recorded needs assessment, or the statement rules
 * @param adjustmentPercent        the change for a deteriorating (positive) or improving (negative) condition, in percent
 * @param needsAdjustment          the uplift in pounds
 * @param budgetBeforeCap          blended cost plus the uplift
 * @param costOfCurrentCare        the cost of all the care the person receives now (the cap)
 * @param capped                   whether the cap lowered the budget
 * @param indicativeBudget         the indicative budget
 * @param nhsContribution          the NHS share of it
 * @param socialCareContribution   the social care share
 * @param educationContribution    the education share
 */
public record BudgetWorking(BigDecimal includableThisYear, BigDecimal includablePreviousYear, boolean fluctuating,
        BigDecimal blendedCost, boolean deteriorating, String trajectoryFrom, BigDecimal adjustmentPercent, BigDecimal needsAdjustment,
        BigDecimal budgetBeforeCap, BigDecimal costOfCurrentCare, boolean capped, BigDecimal indicativeBudget,
        BigDecimal nhsContribution, BigDecimal socialCareContribution, BigDecimal educationContribution) {

    public BudgetWorking {
        requireNonNull(includableThisYear, "includableThisYear is null");
        requireNonNull(blendedCost, "blendedCost is null");
        requireNonNull(trajectoryFrom, "trajectoryFrom is null");
        requireNonNull(adjustmentPercent, "adjustmentPercent is null");
        requireNonNull(needsAdjustment, "needsAdjustment is null");
        requireNonNull(budgetBeforeCap, "budgetBeforeCap is null");
        requireNonNull(costOfCurrentCare, "costOfCurrentCare is null");
        requireNonNull(indicativeBudget, "indicativeBudget is null");
        requireNonNull(nhsContribution, "nhsContribution is null");
        requireNonNull(socialCareContribution, "socialCareContribution is null");
        requireNonNull(educationContribution, "educationContribution is null");
    }
}
