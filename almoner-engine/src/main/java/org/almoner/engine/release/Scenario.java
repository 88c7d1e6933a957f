package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A plan for releasing funding over a multi-year horizon as personal health budget numbers grow.
 *
 * @param name what the scenario is called in the comparison
 * @param horizonYears plan years, 1 to 10; year 1 is the year after the base year
 * @param contractGrowthPercent yearly growth in contract values (inflation and demand)
 * @param stabilityThresholdPercent a contract losing more than this share of its value in a year is flagged
 * @param chooseBackPercent share of budget money spent back with the contract's own provider
 * @param takeUpPercent by cohort (key "default" for the rest): share of the cohort holding a budget each year
 * @param serviceIssues contract id to the share of its capacity unused (vacancies, quality issues), percent
 * @param budgetSpendingPercent provider code to its share, percent, of budget money spent away from the
 *     contract's own provider; the rest goes to other or new providers outside the reference data
 * @param rules the plan; the staged plan of handbook 3.3 when the file asks for it
 */
public record Scenario(String name, int horizonYears, BigDecimal contractGrowthPercent, BigDecimal stabilityThresholdPercent,
        BigDecimal chooseBackPercent, Map<String, List<BigDecimal>> takeUpPercent, Map<String, BigDecimal> serviceIssues,
        Map<String, BigDecimal> budgetSpendingPercent, List<MethodRule> rules) {

    /** The key of {@link #takeUpPercent} used for cohorts not named. */
    public static final String DEFAULT_COHORT = "default";

    public Scenario {
        requireNonNull(name, "name is null");
        requireNonNull(contractGrowthPercent, "contractGrowthPercent is null");
        requireNonNull(stabilityThresholdPercent, "stabilityThresholdPercent is null");
        requireNonNull(chooseBackPercent, "chooseBackPercent is null");
        takeUpPercent = Map.copyOf(requireNonNull(takeUpPercent, "takeUpPercent is null"));
        serviceIssues = Map.copyOf(requireNonNull(serviceIssues, "serviceIssues is null"));
        budgetSpendingPercent = Map.copyOf(requireNonNull(budgetSpendingPercent, "budgetSpendingPercent is null"));
        if (budgetSpendingPercent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("budgetSpendingPercent adds up to more than 100");
        }
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (horizonYears < 1 || horizonYears > 10) {
            throw new IllegalArgumentException("horizonYears must be 1 to 10, got " + horizonYears);
        }
        if (!takeUpPercent.containsKey(DEFAULT_COHORT)) {
            throw new IllegalArgumentException("takeUpPercent needs a default");
        }
        takeUpPercent.forEach((cohort, percents) -> {
            if (percents.size() != horizonYears) {
                throw new IllegalArgumentException("take-up for " + cohort + " has " + percents.size() + " years, not "
                        + horizonYears);
            }
        });
    }

    /** The share of {@code cohort} holding a budget in plan year {@code year} (1-based), percent. */
    public BigDecimal takeUp(String cohort, int year) {
        return takeUpPercent.getOrDefault(cohort, takeUpPercent.get(DEFAULT_COHORT)).get(year - 1);
    }
}
