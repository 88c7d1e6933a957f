package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The net effect on one provider in one year of a scenario (handbook 3.1: "it is crucial to maintain
 * stability of the provider sector"): income moving to budgets against income won back when budget
 * holders choose the provider (its own budget holders, and its share of budget money spent away from
 * other providers), and transitional support.
 *
 * @param scenario the scenario
 * @param year plan year
 * @param financialYear like 2025/26
 * @param providerCode the provider
 * @param providerName its name
 * @param plannedValue its contracts' value before release
 * @param released income moving to budgets
 * @param wonBack income won back from its own contracts' budget holders
 * @param budgetIncome its share of budget money spent away from other contracts' providers
 * @param transitionalSupport gain/risk-sharing payments
 * @param net won back plus budget income plus support less released
 * @param netPercent net over planned value, percent
 * @param contractsFlagged its contracts over the stability threshold this year
 * @param flagged whether its net loss is over the stability threshold
 */
public record ProviderYear(String scenario, int year, String financialYear, String providerCode, String providerName,
        BigDecimal plannedValue, BigDecimal released, BigDecimal wonBack, BigDecimal budgetIncome,
        BigDecimal transitionalSupport, BigDecimal net,
        BigDecimal netPercent, int contractsFlagged, boolean flagged) {

    public ProviderYear {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(financialYear, "financialYear is null");
        requireNonNull(providerCode, "providerCode is null");
        requireNonNull(providerName, "providerName is null");
        requireNonNull(plannedValue, "plannedValue is null");
        requireNonNull(released, "released is null");
        requireNonNull(wonBack, "wonBack is null");
        requireNonNull(budgetIncome, "budgetIncome is null");
        requireNonNull(transitionalSupport, "transitionalSupport is null");
        requireNonNull(net, "net is null");
        requireNonNull(netPercent, "netPercent is null");
    }

    /**
     * Sums contract lines by provider and year, and shares each year's budget money spent away from
     * the contracts' own providers as the scenario's budgetSpendingPercent says.
     *
     * @param providerNames names of providers that hold no contract but win budget money
     */
    public static List<ProviderYear> of(List<ReleaseLine> lines, Scenario scenario, Map<String, String> providerNames) {
        record Key(int year, String provider) {
        }
        Map<Key, List<ReleaseLine>> grouped = new LinkedHashMap<>();
        Map<Integer, BigDecimal> elsewhere = new java.util.TreeMap<>();
        Map<Integer, String> financialYears = new LinkedHashMap<>();
        for (ReleaseLine line : lines) {
            grouped.computeIfAbsent(new Key(line.year(), line.contract().providerCode()), key -> new ArrayList<>()).add(line);
            elsewhere.merge(line.year(), line.spentElsewhere(), BigDecimal::add);
            financialYears.putIfAbsent(line.year(), line.financialYear());
        }
        for (int year : elsewhere.keySet()) {
            for (String provider : scenario.budgetSpendingPercent().keySet().stream().sorted().toList()) {
                grouped.putIfAbsent(new Key(year, provider), new ArrayList<>());
            }
        }
        List<ProviderYear> providers = new ArrayList<>();
        grouped.keySet().stream().sorted(java.util.Comparator.comparingInt(Key::year).thenComparing(Key::provider))
                .forEach(key -> {
                    List<ReleaseLine> group = grouped.get(key);
                    BigDecimal planned = sum(group, ReleaseLine::plannedValue);
                    BigDecimal income = elsewhere.get(key.year())
                            .multiply(scenario.budgetSpendingPercent().getOrDefault(key.provider(), BigDecimal.ZERO))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                    BigDecimal net = sum(group, ReleaseLine::providerNet).add(income);
                    BigDecimal netPercent = planned.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                            : net.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
                    String name = group.isEmpty() ? providerNames.getOrDefault(key.provider(), key.provider())
                            : group.get(0).contract().providerName();
                    providers.add(new ProviderYear(scenario.name(), key.year(), financialYears.get(key.year()),
                            key.provider(), name, planned, sum(group, ReleaseLine::released), sum(group, ReleaseLine::wonBack),
                            income, sum(group, ReleaseLine::transitionalSupport), net, netPercent,
                            (int) group.stream().filter(ReleaseLine::flagged).count(),
                            netPercent.negate().compareTo(scenario.stabilityThresholdPercent()) > 0));
                });
        return providers;
    }

    private static BigDecimal sum(List<ReleaseLine> lines, java.util.function.Function<ReleaseLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
