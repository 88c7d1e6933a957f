package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A person-level statement of resources: every service the person used in the period, with cost,
 * and which of them can be in a personal budget. The indicative budget is the sum of those that can.
 *
 * @param source where the lines came from (the analytics output and year, or the coordinator)
 */
public record StatementOfResources(String source, List<IndicativeLine> lines) {

    public StatementOfResources {
        requireNonNull(source, "source is null");
        lines = List.copyOf(lines);
    }

    public BigDecimal indicativeBudget() {
        return lines.stream().filter(IndicativeLine::includedInBudget).map(IndicativeLine::annualCost)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
