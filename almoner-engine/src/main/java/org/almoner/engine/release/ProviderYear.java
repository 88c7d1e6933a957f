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
 * holders choose the provider, and transitional support.
 *
 * @param scenario the scenario
 * @param year plan year
 * @param financialYear like 2025/26
 * @param providerCode the provider
 * @param providerName its name
 * @param plannedValue its contracts' value before release
 * @param released income moving to budgets
 * @param wonBack income won back from budget holders
 * @param transitionalSupport gain/risk-sharing payments
 * @param net won back plus support less released
 * @param netPercent net over planned value, percent
 * @param contractsFlagged its contracts over the stability threshold this year
 * @param flagged whether its net loss is over the stability threshold
 */
public record ProviderYear(String scenario, int year, String financialYear, String providerCode, String providerName,
        BigDecimal plannedValue, BigDecimal released, BigDecimal wonBack, BigDecimal transitionalSupport, BigDecimal net,
        BigDecimal netPercent, int contractsFlagged, boolean flagged) {

    public ProviderYear {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(financialYear, "financialYear is null");
        requireNonNull(providerCode, "providerCode is null");
        requireNonNull(providerName, "providerName is null");
        requireNonNull(plannedValue, "plannedValue is null");
        requireNonNull(released, "released is null");
        requireNonNull(wonBack, "wonBack is null");
        requireNonNull(transitionalSupport, "transitionalSupport is null");
        requireNonNull(net, "net is null");
        requireNonNull(netPercent, "netPercent is null");
    }

    /** Sums contract lines by provider and year. */
    public static List<ProviderYear> of(List<ReleaseLine> lines, BigDecimal thresholdPercent) {
        record Key(int year, String provider) {
        }
        Map<Key, List<ReleaseLine>> grouped = new LinkedHashMap<>();
        lines.forEach(line -> grouped.computeIfAbsent(new Key(line.year(), line.contract().providerCode()),
                key -> new ArrayList<>()).add(line));
        List<ProviderYear> providers = new ArrayList<>();
        grouped.forEach((key, group) -> {
            BigDecimal planned = sum(group, ReleaseLine::plannedValue);
            BigDecimal net = sum(group, ReleaseLine::providerNet);
            BigDecimal netPercent = planned.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : net.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
            ReleaseLine first = group.get(0);
            providers.add(new ProviderYear(first.scenario(), key.year(), first.financialYear(), key.provider(),
                    first.contract().providerName(), planned, sum(group, ReleaseLine::released), sum(group, ReleaseLine::wonBack),
                    sum(group, ReleaseLine::transitionalSupport), net, netPercent,
                    (int) group.stream().filter(ReleaseLine::flagged).count(),
                    netPercent.negate().compareTo(thresholdPercent) > 0));
        });
        return providers;
    }

    private static BigDecimal sum(List<ReleaseLine> lines, java.util.function.Function<ReleaseLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
