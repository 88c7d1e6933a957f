package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.almoner.engine.ingest.FileAccount;
import org.almoner.engine.quality.DataQualityReport;

/**
 * What a Spark pipeline run did.
 *
 * @param output the folder published
 * @param files every input file, its rows read, loaded and rejected
 * @param quality the data quality report, as written to {@code quality/data_quality.json}
 * @param peoplePseudonymised people of the spine under pseudonyms
 * @param peopleWithNhsNumber people the NHS number links activity to
 * @param linkage activity rows per source system and link method
 * @param costing activity rows and cost per costing method
 * @param mentalHealthRowsWithoutSplit costed mental health cluster rows whose cluster has no split rule, so they have no
 *     rows in {@code linked/mental_health_cluster_components.parquet}
 * @param personYears rows of the person-year summary
 * @param personYearsStratified rows of the risk stratification
 * @param cohortMemberships rows of cohort membership (a person-year in two cohorts counts twice)
 * @param statements the statements of resources: lines of the system-level statement, indicative budgets and their total
 * @param keyFingerprint the public name of the pseudonymisation key used
 * @param elapsed wall-clock time of the run
 */
public record SparkResult(String output, List<FileAccount> files, DataQualityReport quality, long peoplePseudonymised, long peopleWithNhsNumber,
        Map<String, Map<String, Long>> linkage, Map<String, Tally> costing, long mentalHealthRowsWithoutSplit, long personYears, long personYearsStratified, long cohortMemberships,
        StatementCounts statements, String keyFingerprint,
        Duration elapsed) {

    public SparkResult {
        requireNonNull(output, "output is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(quality, "quality is null");
        linkage = Map.copyOf(requireNonNull(linkage, "linkage is null"));
        costing = Map.copyOf(requireNonNull(costing, "costing is null"));
        requireNonNull(statements, "statements is null");
        requireNonNull(keyFingerprint, "keyFingerprint is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Rows and their total cost (pounds, to the penny). */
    public record Tally(long rows, BigDecimal cost) {

        public Tally {
            requireNonNull(cost, "cost is null");
        }
    }

    /** The statements of resources written: the base year, system statement lines, indicative budgets and their total. */
    public record StatementCounts(String baseYear, long systemStatementLines, long indicativeBudgets, BigDecimal indicativeBudgetTotal) {

        public StatementCounts {
            requireNonNull(baseYear, "baseYear is null");
            requireNonNull(indicativeBudgetTotal, "indicativeBudgetTotal is null");
        }
    }

    /** Activity rows no level of the costing hierarchy could price, listed in {@code costing/uncosted.csv}. */
    public long uncostedRows() {
        Tally uncosted = costing.get("UNCOSTED");
        return uncosted == null ? 0 : uncosted.rows();
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileAccount::read).sum();
    }

    public long rowsLoaded() {
        return files.stream().mapToLong(FileAccount::loaded).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileAccount::rejected).sum();
    }

    /** The run summary as written to run-summary.json. */
    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("engine", "spark");
        json.put("rows_read", rowsRead());
        json.put("rows_loaded", rowsLoaded());
        json.put("rows_rejected", rowsRejected());
        json.put("files", files.stream().map(file -> Map.of("file", file.file(), "kind", file.kind(), "read", file.read(),
                "loaded", file.loaded(), "rejected", file.rejected())).toList());
        json.put("sources_needing_attention", quality.needingAttention().size());
        json.put("people_pseudonymised", peoplePseudonymised);
        json.put("people_with_nhs_number", peopleWithNhsNumber);
        json.put("linkage", linkage);
        Map<String, Object> costs = new LinkedHashMap<>();
        costing.forEach((method, tally) -> costs.put(method, Map.of("rows", tally.rows(), "cost", tally.cost().toPlainString())));
        json.put("costing", costs);
        json.put("uncosted_rows", uncostedRows());
        json.put("mental_health_rows_without_split", mentalHealthRowsWithoutSplit);
        json.put("person_years", personYears);
        json.put("person_years_stratified", personYearsStratified);
        json.put("cohort_memberships", cohortMemberships);
        json.put("statements", Map.of("base_year", statements.baseYear(), "system_statement_lines", statements.systemStatementLines(),
                "indicative_budgets", statements.indicativeBudgets(), "indicative_budget_total", statements.indicativeBudgetTotal().toPlainString()));
        json.put("key_fingerprint", keyFingerprint);
        json.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
        return json;
    }
}
