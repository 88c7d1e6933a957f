package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scenario worked through its horizon.
 *
 * @param scenario the scenario
 * @param lines every contract in every year
 * @param providers every provider in every year
 * @param totals every year across contracts
 */
public record ScenarioResult(Scenario scenario, List<ReleaseLine> lines, List<ProviderYear> providers, List<YearTotals> totals) {

    public ScenarioResult {
        requireNonNull(scenario, "scenario is null");
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        providers = List.copyOf(requireNonNull(providers, "providers is null"));
        totals = List.copyOf(requireNonNull(totals, "totals is null"));
    }

    /** Money released over the whole horizon. */
    public BigDecimal totalReleased() {
        return totals.stream().map(YearTotals::released).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The budget holders' own spend over the whole horizon, which what is released reconciles with. */
    public BigDecimal totalBudgetHoldersSpend() {
        return totals.stream().map(YearTotals::budgetHoldersSpend).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Double-funding over the whole horizon. */
    public BigDecimal totalDoubleFunding() {
        return totals.stream().map(YearTotals::doubleFunding).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Need left unfunded over the whole horizon. */
    public BigDecimal totalUnfunded() {
        return totals.stream().map(YearTotals::unfunded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Contract-years over the stability threshold. */
    public int contractYearsFlagged() {
        return totals.stream().mapToInt(YearTotals::contractsFlagged).sum();
    }
}
