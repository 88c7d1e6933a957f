package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A person-level statement of resources: every service the person used in the period, with cost,
 * and which of them can be in a personal budget, with the steps from those lines to the indicative
 * budget shown in words (handbook 2.7.4 a: the person should see how it was calculated).
 *
 * @param source where the lines came from (the analytics output, its year and rules, or the coordinator)
 * @param steps the working from the lines to the budget (blending, needs adjustment, cap), empty when
 *     the budget is simply the sum of the lines that can be in it
 * @param indicativeAmount the indicative budget the working arrived at; null to take the sum of the
 *     included lines
 */
public record StatementOfResources(String source, List<IndicativeLine> lines, List<String> steps, BigDecimal indicativeAmount) {

    public StatementOfResources {
        requireNonNull(source, "source is null");
        lines = List.copyOf(lines);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A statement whose budget is the sum of its included lines (lines a coordinator enters). */
    public StatementOfResources(String source, List<IndicativeLine> lines) {
        this(source, lines, List.of(), null);
    }

    public BigDecimal indicativeBudget() {
        return indicativeAmount != null ? indicativeAmount
                : lines.stream().filter(IndicativeLine::includedInBudget).map(IndicativeLine::annualCost)
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
