package org.almoner.engine.release;

import static org.almoner.engine.report.SvgCharts.escape;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.almoner.engine.capitation.FinancialYear;
import org.almoner.engine.report.NhsPage;
import org.almoner.engine.report.SvgCharts;

/**
 * The side-by-side comparison of release scenarios as one self-contained HTML page ({@link NhsPage})
 * with inline SVG charts ({@link SvgCharts}).
 */
final class ComparisonPage {

    private ComparisonPage() {
    }

    static String html(List<ScenarioResult> results, FinancialYear baseYear, String cohortSource) {
        StringBuilder page = new StringBuilder();
        page.append(NhsPage.start("Releasing funding from contracts: scenarios compared"));
        page.append("<p>Contracts and their activity by cohort are from ").append(baseYear)
                .append(" (the base year); plan year 1 is ").append(baseYear.plus(1)).append(". Cohorts ")
                .append(escape(cohortSource)).append(". What leaves a contract is bounded by the cost of its activity that"
                        + " belongs to the budget holders of the linked population, so it reconciles with their own spend;"
                        + " a contract's share released is of its whole value.</p>\n");
        page.append("<div class=\"inset\"><p>There is no new money: personal health budgets are funded from existing"
                + " contracts without destabilising providers (IPC summary 2.1; handbook 3.1 and 3.3). A contract losing"
                + " more than the scenario's threshold of its value in a year is flagged.</p></div>\n");
        summaryTable(page, results);
        List<String> years = results.get(0).totals().stream().map(YearTotals::financialYear).toList();
        int horizon = results.stream().mapToInt(result -> result.totals().size()).max().orElse(0);
        if (results.stream().anyMatch(result -> result.totals().size() != horizon)) {
            years = java.util.stream.IntStream.rangeClosed(1, horizon).mapToObj(year -> "year " + year).toList();
        }
        page.append("<h2>Charts</h2>\n");
        page.append(SvgCharts.bars("Money released from contracts each year", years,
                series(results, horizon, YearTotals::released), "£"));
        BigDecimal threshold = results.stream().map(result -> result.scenario().stabilityThresholdPercent())
                .min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        page.append(SvgCharts.lines("Largest share of any one contract released in a year (dashed: stability threshold)",
                years, series(results, horizon, YearTotals::largestShareReleased), "%", threshold.doubleValue()));
        page.append(SvgCharts.bars("Budgets paid by double-funding or not yet funded each year", years,
                series(results, horizon, totals -> totals.doubleFunding().add(totals.unfunded())), "£"));
        page.append(SvgCharts.bars("Net change in the income of providers in the reference data each year", years,
                series(results, horizon, YearTotals::providerNet), "£"));
        for (ScenarioResult result : results) {
            scenarioSection(page, result);
        }
        page.append(NhsPage.end("Made by Almoner from the linked data set. Methods: handbook 2019 sections 3.1.1 to"
                + " 3.1.9; staged plan: section 3.3. docs/capitation.md explains every figure."));
        return page.toString();
    }

    private static Map<String, List<Double>> series(List<ScenarioResult> results, int horizon,
            Function<YearTotals, BigDecimal> value) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (ScenarioResult result : results) {
            List<Double> values = new java.util.ArrayList<>();
            for (int year = 0; year < horizon; year++) {
                values.add(year < result.totals().size() ? value.apply(result.totals().get(year)).doubleValue() : 0.0);
            }
            series.put(result.scenario().name(), values);
        }
        return series;
    }

    private static void summaryTable(StringBuilder page, List<ScenarioResult> results) {
        page.append("<h2>Over the whole horizon</h2>\n<table><thead><tr><th>Scenario</th><th class=\"n\">Years</th>"
                + "<th class=\"n\">Budget holders in the last year</th><th class=\"n\">Budget holders' own spend</th>"
                + "<th class=\"n\">Released</th>"
                + "<th class=\"n\">Double-funding</th><th class=\"n\">Not yet funded</th>"
                + "<th class=\"n\">Contract-years over threshold</th></tr></thead><tbody>\n");
        for (ScenarioResult result : results) {
            YearTotals last = result.totals().get(result.totals().size() - 1);
            page.append("<tr><td>").append(escape(result.scenario().name())).append("</td><td class=\"n\">")
                    .append(result.scenario().horizonYears()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "%,d", last.budgetHolders())).append("</td><td class=\"n\">")
                    .append(pounds(result.totalBudgetHoldersSpend())).append("</td><td class=\"n\">")
                    .append(pounds(result.totalReleased())).append("</td><td class=\"n\">")
                    .append(pounds(result.totalDoubleFunding())).append("</td><td class=\"n\">")
                    .append(pounds(result.totalUnfunded())).append("</td><td class=\"n ")
                    .append(result.contractYearsFlagged() > 0 ? "flag" : "ok").append("\">")
                    .append(result.contractYearsFlagged()).append("</td></tr>\n");
        }
        page.append("</tbody></table>\n");
    }

    private static void scenarioSection(StringBuilder page, ScenarioResult result) {
        page.append("<h2>").append(escape(result.scenario().name())).append("</h2>\n");
        page.append("<table><thead><tr><th>Year</th><th class=\"n\">Budget holders</th><th class=\"n\">Their own spend</th>"
                + "<th class=\"n\">Need in scope</th>"
                + "<th class=\"n\">Released</th><th class=\"n\">Double-funding</th><th class=\"n\">Not yet funded</th>"
                + "<th class=\"n\">Won back</th><th class=\"n\">Spent elsewhere</th><th class=\"n\">Providers' net</th><th class=\"n\">Largest share released</th>"
                + "</tr></thead><tbody>\n");
        for (YearTotals year : result.totals()) {
            page.append("<tr><td>").append(year.financialYear()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "%,d", year.budgetHolders())).append("</td><td class=\"n\">")
                    .append(pounds(year.budgetHoldersSpend())).append("</td><td class=\"n\">")
                    .append(pounds(year.budgetNeed())).append("</td><td class=\"n\">").append(pounds(year.released()))
                    .append("</td><td class=\"n\">").append(pounds(year.doubleFunding())).append("</td><td class=\"n\">")
                    .append(pounds(year.unfunded())).append("</td><td class=\"n\">").append(pounds(year.wonBack()))
                    .append("</td><td class=\"n\">").append(pounds(year.spentElsewhere()))
                    .append("</td><td class=\"n\">").append(pounds(year.providerNet())).append("</td><td class=\"n ")
                    .append(year.contractsFlagged() > 0 ? "flag" : "ok").append("\">")
                    .append(year.largestShareReleased().toPlainString()).append("%</td></tr>\n");
        }
        page.append("</tbody></table>\n");
        List<ReleaseLine> flagged = result.lines().stream().filter(ReleaseLine::flagged).toList();
        if (flagged.isEmpty()) {
            page.append("<p class=\"ok\">No contract loses more than ")
                    .append(result.scenario().stabilityThresholdPercent().stripTrailingZeros().toPlainString())
                    .append("% of its value in any year.</p>\n");
        } else {
            page.append("<p class=\"flag\">Contracts over the stability threshold of ")
                    .append(result.scenario().stabilityThresholdPercent().stripTrailingZeros().toPlainString())
                    .append("%:</p>\n<table><thead><tr><th>Year</th><th>Contract</th><th>Provider</th><th>Method</th>"
                            + "<th class=\"n\">Released</th><th class=\"n\">Share</th></tr></thead><tbody>\n");
            for (ReleaseLine line : flagged) {
                page.append("<tr><td>").append(line.financialYear()).append("</td><td>")
                        .append(escape(line.contract().contractId())).append("</td><td>")
                        .append(escape(line.contract().providerName())).append("</td><td>")
                        .append(line.method() == null ? "" : escape(line.method().title() + " (" + line.method().handbookSection() + ")"))
                        .append("</td><td class=\"n\">").append(pounds(line.released())).append("</td><td class=\"n flag\">")
                        .append(line.shareReleased().toPlainString()).append("%</td></tr>\n");
            }
            page.append("</tbody></table>\n");
        }
    }

    static String pounds(BigDecimal amount) {
        return String.format(Locale.UK, "£%,.0f", amount);
    }
}
