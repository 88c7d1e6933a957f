package org.almoner.platform.pages;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.almoner.engine.report.SvgCharts;
import org.almoner.platform.access.Actor;
import org.almoner.platform.access.Actors;
import org.almoner.platform.analysis.AnalysisTable;
import org.almoner.platform.analysis.CohortSummary;
import org.almoner.platform.analysis.CurrentAnalysis;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For commissioning and finance: the population analysis read back a page at a time (cohorts with their cost and
 * equality breakdown, the system-level statement of resources, capitation, release of funding). Nobody is named:
 * every figure is of a cohort, a band of need, a provider or a year.
 */
@Controller
class AnalyticsPages {

    static final int PAGE_SIZE = 50;

    private final CurrentAnalysis analysis;
    private final AuditTrail audit;
    private final Actors actors;
    private final Clock clock;

    AnalyticsPages(CurrentAnalysis analysis, AuditTrail audit, Actors actors, Clock clock) {
        this.analysis = requireNonNull(analysis, "analysis is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.actors = requireNonNull(actors, "actors is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GetMapping("/cohorts")
    String cohorts(@RequestParam(required = false) String year, Model model) {
        open(Page.COHORTS, "cohorts", model);
        if (analysis.info().isPresent()) {
            String shown = year(year);
            model.addAttribute("year", shown);
            model.addAttribute("years", analysis.financialYears());
            model.addAttribute("cohorts", analysis.cohorts(shown));
        }
        return "pages/cohorts";
    }

    @GetMapping("/cohorts/{cohortId}")
    String cohort(@PathVariable String cohortId, @RequestParam(required = false) String year, @RequestParam(defaultValue = "0") int page,
            Model model) {
        open(Page.COHORTS, "cohorts/" + cohortId, model);
        String shown = year(year);
        CohortSummary cohort = analysis.cohort(cohortId, shown).orElseThrow(() -> new PlatformException(PlatformErrorCode.NOT_FOUND,
                "There is no cohort '" + cohortId + "' in " + shown + ". Choose one from the cohorts page."));
        model.addAttribute("cohort", cohort);
        model.addAttribute("year", shown);
        model.addAttribute("years", analysis.financialYears());
        model.addAttribute("bySetting", analysis.costBySetting(cohortId, shown));
        AnalysisTable providers = analysis.costByProvider(cohortId, shown, page(page), PAGE_SIZE);
        model.addAttribute("byProvider", providers);
        model.addAttribute("pages", Paging.of(page(page), PAGE_SIZE, providers.totalRows()));
        model.addAttribute("equality", analysis.equality(cohortId, shown));
        return "pages/cohort";
    }

    @GetMapping("/statements")
    String statements(@RequestParam(required = false) String cohort, @RequestParam(required = false) String band,
            @RequestParam(defaultValue = "0") int page, Model model) {
        open(Page.STATEMENTS, "statements", model);
        Map<String, List<String>> cohorts = analysis.statementCohortsAndBands();
        model.addAttribute("cohorts", cohorts);
        if (!cohorts.isEmpty()) {
            String chosen = cohort == null || cohort.isBlank() ? cohorts.keySet().iterator().next() : cohort;
            if (!cohorts.containsKey(chosen)) {
                throw new PlatformException(PlatformErrorCode.NOT_FOUND, "There is no statement for a cohort '" + chosen
                        + "'. Choose one from the list on the statements page.");
            }
            String chosenBand = band == null || band.isBlank() ? null : band;
            if (chosenBand != null && !cohorts.get(chosen).contains(chosenBand)) {
                // Bands differ by cohort, and the form keeps the band chosen for the cohort before: show every band, and say so.
                model.addAttribute("bandNotInCohort", chosenBand);
                chosenBand = null;
            }
            AnalysisTable statement = analysis.systemStatement(chosen, chosenBand, page(page), PAGE_SIZE);
            model.addAttribute("cohort", chosen);
            model.addAttribute("band", chosenBand == null ? "" : chosenBand);
            model.addAttribute("bands", cohorts.get(chosen));
            model.addAttribute("statement", statement);
            model.addAttribute("basis", analysis.statementBasis().orElse(""));
            model.addAttribute("pages", Paging.of(page(page), PAGE_SIZE, statement.totalRows()));
        }
        return "pages/statements";
    }

    @GetMapping("/statements.csv")
    void statementsCsv(@RequestParam(required = false) String cohort, @RequestParam(required = false) String band, HttpServletResponse response)
            throws IOException {
        Actor actor = actors.current();
        Page.STATEMENTS.requireFor(actor);
        if (cohort == null || cohort.isBlank()) {
            throw PlatformException.invalid("cohort", "Choose a cohort on the statements page, then download its statement.");
        }
        Map<String, List<String>> cohorts = analysis.statementCohortsAndBands();
        String chosenBand = band == null || band.isBlank() ? null : band;
        if (!cohorts.containsKey(cohort) || (chosenBand != null && !cohorts.get(cohort).contains(chosenBand))) {
            throw new PlatformException(PlatformErrorCode.NOT_FOUND, "There is no statement for cohort '" + cohort + "'"
                    + (chosenBand == null ? "" : " and band '" + chosenBand + "'") + ". Choose one on the statements page.");
        }
        record(actor, "statements/" + cohort + (chosenBand == null ? "" : "/" + chosenBand) + ".csv");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"system-statement-" + cohort.replaceAll("[^A-Za-z0-9_-]", "-")
                + (chosenBand == null ? "" : "-" + chosenBand.replaceAll("[^A-Za-z0-9_-]", "-")) + ".csv\"");
        analysis.systemStatementCsv(cohort, chosenBand, response.getOutputStream());
    }

    @GetMapping("/capitation")
    String capitation(Model model) {
        open(Page.CAPITATION, "capitation", model);
        if (analysis.info().isPresent()) {
            model.addAttribute("summary", analysis.capitationSummary());
            model.addAttribute("modelInWords", analysis.complexityModelInWords());
            AnalysisTable baselines = analysis.capitationBaselines();
            AnalysisTable shadow = analysis.shadowByCohort();
            model.addAttribute("baselines", baselines);
            model.addAttribute("fit", analysis.complexityFit());
            model.addAttribute("shadow", shadow);
            model.addAttribute("sharing", analysis.gainLossSharing());
            model.addAttribute("baselineChart", barsOf(baselines, "cohort", List.of("baseline_per_person"), "Baseline a person by cohort"));
            model.addAttribute("shadowChart", barsOf(shadow, "cohort", List.of("capitated_amount", "actual_spend"),
                    "Shadow year: capitation beside actual spend by cohort"));
        }
        return "pages/capitation";
    }

    @GetMapping("/release")
    String release(Model model) {
        open(Page.RELEASE, "release", model);
        if (analysis.info().isPresent()) {
            List<String> years = analysis.releaseYears();
            model.addAttribute("comparison", analysis.releaseComparison());
            model.addAttribute("releasedChart", lines("Money released from contracts each year", years, analysis.releaseSeries("released")));
            model.addAttribute("holdersChart", lines("Personal health budget holders each year", years,
                    analysis.releaseSeries("budget_holders")).replace("£", ""));
            model.addAttribute("doubleFundingChart", bars("Double-funding each year", years, analysis.releaseSeries("double_funding")));
        }
        return "pages/release";
    }

    private void open(Page page, String what, Model model) {
        Actor actor = actors.current();
        page.requireFor(actor);
        record(actor, what);
        model.addAttribute("analysis", analysis.info().orElse(null));
    }

    private String year(String year) {
        List<String> years = analysis.financialYears();
        if (years.isEmpty()) {
            throw new PlatformException(PlatformErrorCode.NOT_FOUND, "There is no analysis yet: start one on the analysis page.");
        }
        if (year == null || year.isBlank()) {
            return years.getFirst();
        }
        if (!years.contains(year)) {
            throw new PlatformException(PlatformErrorCode.NOT_FOUND, "The analysis has no financial year '" + year + "'. It covers "
                    + String.join(", ", years) + ".");
        }
        return year;
    }

    private static int page(int page) {
        return Math.max(0, page);
    }

    /** Bars for the named money columns of a table, one category per row, labelled by {@code category}. */
    private static String barsOf(AnalysisTable table, String category, List<String> columns, String title) {
        int categoryColumn = columnIndex(table, category);
        if (table.rows().isEmpty() || categoryColumn < 0) {
            return "";
        }
        List<String> categories = table.rows().stream().map(row -> row.cells().get(categoryColumn)).toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String column : columns) {
            int index = columnIndex(table, column);
            if (index >= 0) {
                series.put(table.columns().get(index).heading(), table.rows().stream().map(row -> amount(row.cells().get(index))).toList());
            }
        }
        return series.isEmpty() ? "" : SvgCharts.bars(title, categories, series, "£");
    }

    private static int columnIndex(AnalysisTable table, String name) {
        for (int index = 0; index < table.columns().size(); index++) {
            if (table.columns().get(index).name().equals(name)) {
                return index;
            }
        }
        return -1;
    }

    /** A formatted cell back as a number for drawing (charts only: the tables beside them hold the exact figures). */
    private static double amount(String cell) {
        String digits = cell.replaceAll("[^0-9.\\-]", "");
        return digits.isEmpty() ? 0 : Double.parseDouble(digits);
    }

    private static String lines(String title, List<String> years, Map<String, List<BigDecimal>> series) {
        return series.isEmpty() || years.isEmpty() ? "" : SvgCharts.lines(title, years, doubles(series), "£", null);
    }

    private static String bars(String title, List<String> years, Map<String, List<BigDecimal>> series) {
        return series.isEmpty() || years.isEmpty() ? "" : SvgCharts.bars(title, years, doubles(series), "£");
    }

    private static Map<String, List<Double>> doubles(Map<String, List<BigDecimal>> series) {
        Map<String, List<Double>> drawn = new LinkedHashMap<>();
        series.forEach((name, values) -> drawn.put(name, values.stream().map(value -> value == null ? 0 : value.doubleValue()).toList()));
        return drawn;
    }

    private void record(Actor actor, String what) {
        audit.record(new AuditEntry(clock.instant(), actor.username(), actor.role().name(), actor.organisation(), null, "REPORT", what,
                "VIEW_REPORT", AuditOutcome.ALLOWED, null, false));
    }
}
