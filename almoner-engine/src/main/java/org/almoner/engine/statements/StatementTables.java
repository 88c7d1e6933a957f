package org.almoner.engine.statements;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * Builds the statement tables (person_statement_lines, indicative_budgets, double_funding, system_statement) on a
 * connection that has person_year_risk, pipeline_activity, provider_names and statement_cohort_members.
 */
final class StatementTables {

    private StatementTables() {
    }

    /** The financial year the rules ask for: the latest in the data, or the one named. */
    static String baseYear(Connection connection, StatementRules rules) {
        if (!rules.baseYear().equals("latest")) {
            long found = Sql.queryLong(connection, "SELECT count(*) FROM person_year_risk WHERE financial_year = "
                    + DuckDb.literal(rules.baseYear()));
            if (found == 0) {
                throw new org.almoner.engine.EngineException(org.almoner.engine.EngineErrorCode.BAD_CONFIGURATION, rules.source()
                        + ": base_year " + rules.baseYear() + " is not a year of the pipeline output. Give a year the data"
                        + " covers, or latest.");
            }
            return rules.baseYear();
        }
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT max(financial_year) FROM person_year_risk")) {
            result.next();
            String year = result.getString(1);
            if (year == null) {
                throw new org.almoner.engine.EngineException(org.almoner.engine.EngineErrorCode.MALFORMED_INPUT,
                        "The pipeline output holds no person-years, so there is nothing to make a statement from. Check the"
                                + " pipeline's run-summary.json for rejected rows.");
            }
            return year;
        } catch (java.sql.SQLException e) {
            throw new org.almoner.engine.EngineException(org.almoner.engine.EngineErrorCode.INTERNAL, e.getMessage(), e);
        }
    }

    /** The year before a financial year such as 2024/25: 2023/24. */
    static String previousYear(String financialYear) {
        int start = Integer.parseInt(financialYear.substring(0, 4)) - 1;
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }

    /**
     * Creates the tables. {@code everyone} works out statements for every person of the base year (the API); otherwise
     * only for the members of statement_cohort_members, which is all the command writes and much less work.
     */
    static void create(Connection connection, StatementRules rules, String baseYear, java.nio.file.Path workFolder,
            java.nio.file.Path needsAssessments, boolean everyone) {
        Sql.execute(connection, "CREATE OR REPLACE TABLE statement_people AS SELECT DISTINCT person_pseudonym FROM "
                + (everyone ? "person_year_risk" : "statement_cohort_members") + " WHERE financial_year = " + DuckDb.literal(baseYear));
        NeedsAssessments.load(connection, needsAssessments, baseYear);
        java.nio.file.Path names = workFolder.resolve("treatment-functions.csv");
        try (var in = StatementTables.class.getResourceAsStream("treatment-functions.csv")) {
            java.nio.file.Files.copy(in, names, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Sql.execute(connection, "CREATE OR REPLACE TABLE treatment_functions AS SELECT * FROM read_csv("
                + DuckDb.literal(names.toAbsolutePath().toString()) + ", header = true, comment = '#', all_varchar = true)");
        List<String> services = new ArrayList<>();
        for (ServiceRule service : rules.services()) {
            services.add("(" + String.join(", ", DuckDb.literal(service.setting()), DuckDb.literal(service.service()),
                    DuckDb.literal(service.purpose()), DuckDb.literal(service.funder().name()),
                    Boolean.toString(service.includeInBudget()), DuckDb.literal(service.whenIncluded()),
                    DuckDb.literal(service.needMet())) + ")");
        }
        Sql.execute(connection, "CREATE OR REPLACE TABLE statement_services AS SELECT * FROM (VALUES " + String.join(", ", services)
                + ") AS t(setting, service_code, purpose, funder, include_in_budget, when_included, need_met)");
        StringBuilder bands = new StringBuilder("CASE");
        for (NeedBand band : rules.needBands()) {
            bands.append(" WHEN coalesce(").append(band.rule().sql()).append(", false) THEN ").append(DuckDb.literal(band.name()));
        }
        bands.append(" ELSE 'no band' END");
        String script = Sql.resource(StatementTables.class, "statements.sql")
                .replace("${base_year}", DuckDb.literal(baseYear))
                .replace("${previous_year}", DuckDb.literal(previousYear(baseYear)))
                .replace("${need_band_case}", bands)
                .replace("${deteriorating_rule}", rules.deteriorating().sql())
                .replace("${deteriorating_percent}", rules.deterioratingPercent().toPlainString())
                .replace("${fluctuation_percent}", rules.fluctuationPercent().toPlainString())
                .replace("${rules_version}", DuckDb.literal(rules.version()));
        for (String statement : script.split("(?m)^;\\s*$")) {
            if (!statement.strip().lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                Sql.execute(connection, statement.strip());
            }
        }
    }
}
