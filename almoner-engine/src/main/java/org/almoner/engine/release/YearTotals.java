package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One year of a scenario across every contract: the line of the side-by-side comparison.
 *
 * @param scenario the scenario
 * @param year plan year
 * @param financialYear like 2025/26
 * @param budgetHolders people holding a budget in the linked population
 * @param plannedValue all contracts before release
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
        BigDecimal budgetNeed, BigDecimal notYetInScope, BigDecimal released, BigDecimal doubleFunding, BigDecimal unfunded,
        BigDecimal wonBack, BigDecimal spentElsewhere, BigDecimal transitionalSupport, BigDecimal providerNet, BigDecimal largestShareReleased,
        int contractsFlagged, int providersFlagged) {

    public YearTotals {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(financialYear, "financialYear is null");
        requireNonNull(plannedValue, "plannedValue is null");
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

    /** Totals per year, with budget holders worked out from cohort sizes and take-up. */
    static List<YearTotals> of(Scenario scenario, List<ReleaseLine> lines, List<ProviderYear> providers,
            Map<String, Long> cohortSizes) {
        Map<Integer, List<ReleaseLine>> byYear = new TreeMap<>();
        lines.forEach(line -> byYear.computeIfAbsent(line.year(), year -> new ArrayList<>()).add(line));
        List<YearTotals> totals = new ArrayList<>();
        byYear.forEach((year, group) -> {
            double holders = 0;
            for (Map.Entry<String, Long> cohort : cohortSizes.entrySet()) {
                holders += cohort.getValue() * scenario.takeUp(cohort.getKey(), year).doubleValue() / 100;
            }
            totals.add(new YearTotals(scenario.name(), year, group.get(0).financialYear(), Math.round(holders),
                    sum(group, ReleaseLine::plannedValue), sum(group, ReleaseLine::budgetNeed),
                    sum(group, ReleaseLine::notYetInScope), sum(group, ReleaseLine::released),
                    sum(group, ReleaseLine::doubleFunding), sum(group, ReleaseLine::unfunded), sum(group, ReleaseLine::wonBack),
                    sum(group, ReleaseLine::spentElsewhere), sum(group, ReleaseLine::transitionalSupport),
                    providers.stream().filter(provider -> provider.year() == year).map(ProviderYear::net)
                            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                    group.stream().map(ReleaseLine::shareReleased).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::max),
                    (int) group.stream().filter(ReleaseLine::flagged).count(),
                    (int) providers.stream().filter(provider -> provider.year() == year && provider.flagged()).count()));
        });
        return totals;
    }

    private static BigDecimal sum(List<ReleaseLine> lines, Function<ReleaseLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
