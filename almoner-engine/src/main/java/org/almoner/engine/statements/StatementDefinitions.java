package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;
import org.almoner.engine.stages.StageScript;

/**
 * The statements of resources as stage relations both engines run (DuckDB in {@code almoner statement}, Spark in the
 * Spark runner): person-level statement lines, the double-funding cross-check, indicative budgets and the system-level
 * statement, then the three outputs written for the cohorts' members.
 *
 * <p>They read {@code person_year_risk}, {@code pipeline_activity}, {@code statement_cohort_members}, and the look-ups
 * {@code provider_names}, {@code treatment_functions} ({@link #loadTreatmentFunctions}) and {@code needs_assessments}.
 */
public final class StatementDefinitions {

    /** The person-level statement lines of the cohorts' members (every column but the need met, which is the cross-check's). */
    public static final String PERSON_STATEMENTS = "person_statements";
    /** The indicative budget of each cohort member, with the cohorts they are in. */
    public static final String COHORT_INDICATIVE_BUDGETS = "cohort_indicative_budgets";
    /** Services of different funders meeting the same need over the same days, for the cohorts' members. */
    public static final String COHORT_DOUBLE_FUNDING = "cohort_double_funding";

    private StatementDefinitions() {
    }

    /**
     * The statement tables, ending with {@code system_statement}. {@code everyone} works out statements for every person
     * of the base year (the API); otherwise only for the members of statement_cohort_members, which is all the command
     * writes and much less work.
     */
    public static List<Relation> definitions(StatementRules rules, String baseYear, boolean everyone, SqlDialect dialect) {
        requireNonNull(rules, "rules is null");
        requireNonNull(baseYear, "baseYear is null");
        requireNonNull(dialect, "dialect is null");
        List<Relation> relations = new ArrayList<>();
        relations.add(Relation.table("statement_people", "SELECT DISTINCT person_pseudonym FROM "
                + (everyone ? "person_year_risk" : "statement_cohort_members") + " WHERE financial_year = " + dialect.text(baseYear)));
        List<String> services = new ArrayList<>();
        for (ServiceRule service : rules.services()) {
            services.add("(" + String.join(", ", dialect.text(service.setting()), dialect.text(service.service()),
                    dialect.text(service.purpose()), dialect.text(service.funder().name()),
                    Boolean.toString(service.includeInBudget()), dialect.text(service.whenIncluded()),
                    dialect.text(service.needMet())) + ")");
        }
        relations.add(Relation.table("statement_services", "SELECT * FROM (VALUES " + String.join(", ", services)
                + ") AS t(setting, service_code, purpose, funder, include_in_budget, when_included, need_met)"));
        StringBuilder bands = new StringBuilder("CASE");
        for (NeedBand band : rules.needBands()) {
            bands.append(" WHEN coalesce(").append(band.rule().sql()).append(", false) THEN ").append(dialect.text(band.name()));
        }
        bands.append(" ELSE 'no band' END");
        String script = Sql.resource(StatementDefinitions.class, "statements.sql")
                .replace("${base_year}", dialect.text(baseYear))
                .replace("${previous_year}", dialect.text(previousYear(baseYear)))
                .replace("${need_band_case}", bands)
                .replace("${deteriorating_rule}", rules.deteriorating().sql())
                .replace("${deteriorating_percent}", rules.deterioratingPercent().toPlainString())
                .replace("${fluctuation_percent}", rules.fluctuationPercent().toPlainString())
                .replace("${rules_version}", dialect.text(rules.version()));
        relations.addAll(StageScript.relations(script, dialect, "statements.sql"));
        return List.copyOf(relations);
    }

    /** The three outputs for the cohorts' members: {@link #PERSON_STATEMENTS}, {@link #COHORT_INDICATIVE_BUDGETS}, {@link #COHORT_DOUBLE_FUNDING}. */
    public static List<Relation> outputs(String baseYear, SqlDialect dialect) {
        String year = dialect.text(requireNonNull(baseYear, "baseYear is null"));
        String inCohort = "person_pseudonym IN (SELECT person_pseudonym FROM statement_cohort_members WHERE financial_year = " + year + ")";
        return List.of(
                Relation.view(PERSON_STATEMENTS, "SELECT person_pseudonym, financial_year, provider_code, provider_name, setting, service,"
                        + " service_name, what_the_service_is_for, funder, include_in_budget, when_included, how_cost_is_calculated,"
                        + " unit_type, activity_rows, units_per_year, cost_per_unit, cost_per_year, cost_in_budget, uncosted_rows"
                        + " FROM person_statement_lines WHERE " + inCohort),
                Relation.view(COHORT_INDICATIVE_BUDGETS, "SELECT b.*, c.cohorts FROM indicative_budgets b JOIN (SELECT person_pseudonym, "
                        + dialect.sortedDistinctList("cohort_id", "'; '") + " AS cohorts FROM statement_cohort_members WHERE financial_year = "
                        + year + " GROUP BY person_pseudonym) c ON c.person_pseudonym = b.person_pseudonym"),
                Relation.view(COHORT_DOUBLE_FUNDING, "SELECT * FROM double_funding WHERE " + inCohort));
    }

    /**
     * The financial year the rules ask for: the latest in person_year_risk, or the one named (which must be in it).
     *
     * @param dialect the SQL the query is in
     * @param firstText runs a query and gives the first column of its first row as text (null for none)
     */
    public static String baseYear(StatementRules rules, SqlDialect dialect, UnaryOperator<String> firstText) {
        requireNonNull(rules, "rules is null");
        if (!rules.baseYear().equals("latest")) {
            String found = firstText.apply("SELECT CAST(count(*) AS STRING) FROM person_year_risk WHERE financial_year = "
                    + dialect.text(rules.baseYear()));
            if (found == null || found.equals("0")) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, rules.source() + ": base_year " + rules.baseYear()
                        + " is not a year of the pipeline output. Give a year the data covers, or latest.");
            }
            return rules.baseYear();
        }
        String year = firstText.apply("SELECT max(financial_year) FROM person_year_risk");
        if (year == null) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The pipeline output holds no person-years, so there is"
                    + " nothing to make a statement from. Check the pipeline's run-summary.json for rejected rows.");
        }
        return year;
    }

    /** The year before a financial year such as 2024/25: 2023/24. */
    public static String previousYear(String financialYear) {
        int start = Integer.parseInt(financialYear.substring(0, 4)) - 1;
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }

    /** Table {@code treatment_functions} (treatment_function_code, name) on a DuckDB connection, from the list shipped with Almoner. */
    public static void loadTreatmentFunctions(Connection connection, Path workFolder) {
        Path names = workFolder.resolve("treatment-functions.csv");
        try (InputStream in = StatementDefinitions.class.getResourceAsStream("treatment-functions.csv")) {
            Files.copy(in, names, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sql.execute(connection, "CREATE OR REPLACE TABLE treatment_functions AS SELECT * FROM read_csv("
                + DuckDb.literal(names.toAbsolutePath().toString()) + ", header = true, comment = '#', all_varchar = true)");
    }
}
