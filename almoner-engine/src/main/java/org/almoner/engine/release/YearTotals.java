package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * One year of a scenario across every contract: the line of the side-by-side comparison.
 *
 * @param scenario the scenario
 * @param year plan year
 * @param financialYear like 2025/26
 * @param budgetHolders people holding a budget in the linked population
 * @param plannedValue all contracts before release
 * @param linkedPopulationValue the part of all contracts paying for the linked population's activity
 * @param budgetHoldersSpend the budget holders' own spend in the linked data, in every setting and not
 *     only under contracts: each cohort's base-year cost times its take-up, grown with the contracts
 * @param budgetNeed budget holders' care in scope
 * @param notYetInScope budget holders' care still bought through contracts
 * @param released taken out of contracts
 * @param doubleFunding new, time-limited money
 * @param unfunded need nothing pays for yet
 * @param wonBack spent back with the same providers
 * @param spentElsewhere budget money spent with other providers
 * @param transitionalSupport gain/risk-sharing payments to providers
 * @param providerNet the change in income of the providers in the reference data
 * @param largestShareReleased the largest share of any one contract released, percent
 * @param contractsFlagged contracts over the stability threshold
 * @param providersFlagged providers whose net loss is over the threshold
 */
public record YearTotals(String scenario, int year, String financialYear, long budgetHolders, BigDecimal plannedValue,
        BigDecimal linkedPopulationValue, BigDecimal budgetHoldersSpend,
        BigDecimal budgetNeed, BigDecimal notYetInScope, BigDecimal released, BigDecimal doubleFunding, BigDecimal unfunded,
        BigDecimal wonBack, BigDecimal spentElsewhere, BigDecimal transitionalSupport, BigDecimal providerNet, BigDecimal largestShareReleased,
        int contractsFlagged, int providersFlagged) {

    public YearTotals {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(financialYear, "financialYear is null");
        requireNonNull(plannedValue, "plannedValue is null");
        requireNonNull(linkedPopulationValue, "linkedPopulationValue is null");
        requireNonNull(budgetHoldersSpend, "budgetHoldersSpend is null");
        requireNonNull(budgetNeed, "budgetNeed is null");
        requireNonNull(notYetInScope, "notYetInScope is null");
        requireNonNull(released, "released is null");
        requireNonNull(doubleFunding, "doubleFunding is null");
        requireNonNull(unfunded, "unfunded is null");
        requireNonNull(wonBack, "wonBack is null");
        requireNonNull(spentElsewhere, "spentElsewhere is null");
        requireNonNull(transitionalSupport, "transitionalSupport is null");
        requireNonNull(providerNet, "providerNet is null");
        requireNonNull(largestShareReleased, "largestShareReleased is null");
    }

    /**
     * Totals per year, with budget holders and their own spend worked out from cohort sizes, cohort
     * spend and take-up; checks that the year reconciles with that spend.
     *
     * @param cohortSpend each cohort's cost in the linked data in the base year, in every setting
     */
    static List<YearTotals> of(Scenario scenario, List<ReleaseLine> lines, List<ProviderYear> providers,
            Map<String, Long> cohortSizes, Map<String, BigDecimal> cohortSpend) {
        BigDecimal growth = BigDecimal.ONE.add(scenario.contractGrowthPercent().divide(BigDecimal.valueOf(100),
                MathContext.DECIMAL64));
        Map<Integer, List<ReleaseLine>> byYear = new TreeMap<>();
        lines.forEach(line -> byYear.computeIfAbsent(line.year(), year -> new ArrayList<>()).add(line));
        List<YearTotals> totals = new ArrayList<>();
        byYear.forEach((year, group) -> {
            double holders = 0;
            for (Map.Entry<String, Long> cohort : cohortSizes.entrySet()) {
                holders += cohort.getValue() * scenario.takeUp(cohort.getKey(), year).doubleValue() / 100;
            }
            BigDecimal spend = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> cohort : cohortSpend.entrySet()) {
                spend = spend.add(cohort.getValue().multiply(scenario.takeUp(cohort.getKey(), year))
                        .divide(BigDecimal.valueOf(100), MathContext.DECIMAL64));
            }
            YearTotals total = new YearTotals(scenario.name(), year, group.get(0).financialYear(), Math.round(holders),
                    sum(group, ReleaseLine::plannedValue), sum(group, ReleaseLine::linkedPopulationValue),
                    spend.multiply(growth.pow(year, MathContext.DECIMAL64)).setScale(2, RoundingMode.HALF_UP),
                    sum(group, ReleaseLine::budgetNeed),
                    sum(group, ReleaseLine::notYetInScope), sum(group, ReleaseLine::released),
                    sum(group, ReleaseLine::doubleFunding), sum(group, ReleaseLine::unfunded), sum(group, ReleaseLine::wonBack),
                    sum(group, ReleaseLine::spentElsewhere), sum(group, ReleaseLine::transitionalSupport),
                    providers.stream().filter(provider -> provider.year() == year).map(ProviderYear::net)
                            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                    group.stream().map(ReleaseLine::shareReleased).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::max),
                    (int) group.stream().filter(ReleaseLine::flagged).count(),
                    (int) providers.stream().filter(provider -> provider.year() == year && provider.flagged()).count());
            total.checkReconciles(group.size());
            totals.add(total);
        });
        return totals;
    }

    /** Budget holders' cost in the contracts: the care from them in scope and not yet in scope. */
    public BigDecimal budgetHoldersContractCost() {
        return budgetNeed.add(notYetInScope);
    }

    /**
     * The year reconciles with the population's own spend: what leaves the contracts is no more than
     * the budget holders' cost in them, which is no more than their own spend (a penny a contract
     * allowed for rounding). A breach is a fault in the model, not in the input.
     */
    void checkReconciles(int contracts) {
        BigDecimal rounding = new BigDecimal("0.01").multiply(BigDecimal.valueOf(contracts));
        if (released.add(doubleFunding).compareTo(budgetNeed.add(rounding)) > 0
                || budgetHoldersContractCost().compareTo(budgetHoldersSpend.add(rounding)) > 0) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Scenario '" + scenario + "' in " + financialYear
                    + " does not reconcile with the population's own spend: released " + released + " and double-funded "
                    + doubleFunding + ", need " + budgetNeed + ", budget holders' cost in contracts "
                    + budgetHoldersContractCost() + ", their own spend " + budgetHoldersSpend + ". Please report this as a fault.");
        }
    }

    private static BigDecimal sum(List<ReleaseLine> lines, Function<ReleaseLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
