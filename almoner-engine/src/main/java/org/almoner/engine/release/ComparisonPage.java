package org.almoner.engine.release;

import static org.almoner.engine.release.Charts.escape;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.almoner.engine.capitation.FinancialYear;

/**
 * The side-by-side comparison of release scenarios as one self-contained HTML page in the style of the
 * NHS.UK service manual (Arial, NHS blue header, plain tables), with inline SVG charts: no scripts, no
 * fonts or images fetched, so it opens offline and prints.
 */
final class ComparisonPage {

    private ComparisonPage() {
    }

    static String html(List<ScenarioResult> results, FinancialYear baseYear, String cohortSource) {
        StringBuilder page = new StringBuilder();
        page.append("""
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Releasing funding from contracts: scenarios compared</title>
                <style>
                body{margin:0;font-family:Arial,"Helvetica Neue",sans-serif;color:#212b32;background:#f0f4f5;font-size:16px;line-height:1.5}
                header{background:#005eb8;color:#fff;padding:16px 32px}header p{margin:0;font-weight:bold;font-size:20px}
                main{max-width:1000px;margin:0 auto;padding:24px 32px;background:#fff}
                h1{font-size:32px;margin:0 0 16px}h2{font-size:24px;margin:32px 0 8px}
                table{border-collapse:collapse;width:100%;margin:8px 0 24px;font-size:14px}
                th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:left;vertical-align:top}
                td.n,th.n{text-align:right;white-space:nowrap}
                .flag{color:#d5281b;font-weight:bold}.ok{color:#007f3b}
                .inset{border-left:8px solid #005eb8;padding:8px 16px;background:#f0f4f5;margin:16px 0}
                figure.chart{margin:16px 0 32px}figcaption{font-weight:bold;margin-bottom:4px}svg{width:100%;height:auto;background:#fff}
                ul.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:16px;font-size:14px}
                ul.legend span{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}
                footer{max-width:1000px;margin:0 auto;padding:16px 32px;color:#4c6272;font-size:14px}
                </style></head><body>
                <header><p>Almoner</p></header><main>
                <h1>Releasing funding from contracts: scenarios compared</h1>
                """);
        page.append("<p>Contracts and their activity by cohort are from ").append(baseYear)
                .append(" (the base year); plan year 1 is ").append(baseYear.plus(1)).append(". Cohorts ")
                .append(escape(cohortSource)).append(". Money is in the contracts' own terms (their annual values), so it"
                        + " does not depend on the size of the linked population.</p>\n");
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
        page.append(Charts.bars("Money released from contracts each year", years,
                series(results, horizon, YearTotals::released), "£"));
        BigDecimal threshold = results.stream().map(result -> result.scenario().stabilityThresholdPercent())
                .min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        page.append(Charts.lines("Largest share of any one contract released in a year (dashed: stability threshold)",
                years, series(results, horizon, YearTotals::largestShareReleased), "%", threshold.doubleValue()));
        page.append(Charts.bars("Budgets paid by double-funding or not yet funded each year", years,
                series(results, horizon, totals -> totals.doubleFunding().add(totals.unfunded())), "£"));
        page.append(Charts.bars("Net change in the income of providers in the reference data each year", years,
                series(results, horizon, YearTotals::providerNet), "£"));
        for (ScenarioResult result : results) {
            scenarioSection(page, result);
        }
        page.append("</main><footer>Made by Almoner from the linked data set. Methods: handbook 2019 sections 3.1.1 to"
                + " 3.1.9; staged plan: section 3.3. docs/capitation.md explains every figure.</footer></body></html>\n");
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
                + "<th class=\"n\">Budget holders in the last year</th><th class=\"n\">Released</th>"
                + "<th class=\"n\">Double-funding</th><th class=\"n\">Not yet funded</th>"
                + "<th class=\"n\">Contract-years over threshold</th></tr></thead><tbody>\n");
        for (ScenarioResult result : results) {
            YearTotals last = result.totals().get(result.totals().size() - 1);
            page.append("<tr><td>").append(escape(result.scenario().name())).append("</td><td class=\"n\">")
                    .append(result.scenario().horizonYears()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "%,d", last.budgetHolders())).append("</td><td class=\"n\">")
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
        page.append("<table><thead><tr><th>Year</th><th class=\"n\">Budget holders</th><th class=\"n\">Need in scope</th>"
                + "<th class=\"n\">Released</th><th class=\"n\">Double-funding</th><th class=\"n\">Not yet funded</th>"
                + "<th class=\"n\">Won back</th><th class=\"n\">Spent elsewhere</th><th class=\"n\">Providers' net</th><th class=\"n\">Largest share released</th>"
                + "</tr></thead><tbody>\n");
        for (YearTotals year : result.totals()) {
            page.append("<tr><td>").append(year.financialYear()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "%,d", year.budgetHolders())).append("</td><td class=\"n\">")
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
