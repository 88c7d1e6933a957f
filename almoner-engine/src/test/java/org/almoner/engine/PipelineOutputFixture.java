package org.almoner.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.format.Setting;

/**
 * Test support: a small pipeline output folder (the Parquet files `almoner pipeline` writes), built from rows a
 * test names, so stratification, cohorts and statements are tested on exactly the people a test describes.
 * Years are 2023/24 and 2024/25; everyone is alive in both.
 */
public final class PipelineOutputFixture {

    private final List<String> people = new ArrayList<>();
    private final List<String> diagnoses = new ArrayList<>();
    private final List<String> registers = new ArrayList<>();
    private final List<String> activity = new ArrayList<>();

    /** A person with demographics; flags and activation are set with {@link #flags} and {@link #activation}. */
    public PipelineOutputFixture person(String pseudonym, int ageAtApril2023, String sex, String ethnicity, Integer decile) {
        people.add("(%s, %d, %s, %s, %s, false, false, false, false, false, false, NULL::DECIMAL(5,1), NULL::DATE)".formatted(
                q(pseudonym), ageAtApril2023, q(sex), q(ethnicity), decile == null ? "NULL" : decile.toString()));
        return this;
    }

    /** Sets the legal and need flags of the last person added. */
    public PipelineOutputFixture flags(boolean chc, boolean childrensContinuingCare, boolean section117, boolean wheelchair,
            boolean learningDisabilityAutism, boolean ehcPlan) {
        String last = people.removeLast();
        String head = last.substring(0, nthComma(last, 5) + 1);
        String tail = last.substring(nthComma(last, 11));
        people.add(head + " %s, %s, %s, %s, %s, %s".formatted(chc, childrensContinuingCare, section117, wheelchair,
                learningDisabilityAutism, ehcPlan) + tail);
        return this;
    }

    /** Sets the activation score (and date, may be null) of the last person added. */
    public PipelineOutputFixture activation(String score, String date) {
        String last = people.removeLast();
        String head = last.substring(0, nthComma(last, 11) + 1);
        people.add(head + " %s::DECIMAL(5,1), %s::DATE)".formatted(score, date == null ? "NULL" : q(date)));
        return this;
    }

    public PipelineOutputFixture diagnosis(String pseudonym, String codeSystem, String code, String recordedDate) {
        diagnoses.add("(%s, %s, %s, %s::DATE)".formatted(q(pseudonym), q(codeSystem), q(code),
                recordedDate == null ? "NULL" : q(recordedDate)));
        return this;
    }

    public PipelineOutputFixture register(String pseudonym, String register, String addedDate) {
        registers.add("(%s, %s, %s::DATE)".formatted(q(pseudonym), q(register), addedDate == null ? "NULL" : q(addedDate)));
        return this;
    }

    /** An activity row; the financial year is worked out from the start date. */
    public PipelineOutputFixture activity(String pseudonym, Setting setting, String provider, String service,
            String pointOfDelivery, String startDate, String endDate, String units, String unitType, String cost,
            String primaryDiagnosis) {
        activity.add("(%s, %s, %s, %s, %s, %s::DATE, %s::DATE, %s::DECIMAL(18,4), %s, %s::DECIMAL(18,2), %s)".formatted(
                q(pseudonym), q(setting.code()), q(provider), q(service), pointOfDelivery == null ? "NULL" : q(pointOfDelivery),
                q(startDate), endDate == null ? "NULL" : q(endDate), units, q(unitType), cost == null ? "NULL" : cost,
                primaryDiagnosis == null ? "NULL" : q(primaryDiagnosis)));
        return this;
    }

    /** Writes the folder's Parquet files and returns the folder. */
    public Path writeTo(Path folder) throws Exception {
        Files.createDirectories(folder.resolve("linked"));
        Files.createDirectories(folder.resolve("summary"));
        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (person_pseudonym VARCHAR, age INTEGER, sex VARCHAR, ethnicity VARCHAR,"
                    + " deprivation_decile INTEGER, chc BOOLEAN, childrens_continuing_care BOOLEAN, section_117 BOOLEAN,"
                    + " wheelchair_service BOOLEAN, learning_disability_autism BOOLEAN, ehc_plan BOOLEAN,"
                    + " activation_score DECIMAL(5,1), activation_date DATE)");
            insert(statement, "people", people);
            statement.execute("ALTER TABLE people ADD COLUMN date_of_death DATE");
            statement.execute("CREATE TABLE diagnoses (person_pseudonym VARCHAR, code_system VARCHAR, code VARCHAR, recorded_date DATE)");
            insert(statement, "diagnoses", diagnoses);
            statement.execute("CREATE TABLE condition_registers (person_pseudonym VARCHAR, register VARCHAR, added_date DATE)");
            insert(statement, "condition_registers", registers);
            statement.execute("CREATE TABLE activity_raw (person_pseudonym VARCHAR, setting VARCHAR, provider_code VARCHAR,"
                    + " service_code VARCHAR, point_of_delivery VARCHAR, start_date DATE, end_date DATE, units DECIMAL(18,4),"
                    + " unit_type VARCHAR, cost DECIMAL(18,2), primary_diagnosis VARCHAR)");
            insert(statement, "activity_raw", activity);
            statement.execute("""
                    CREATE TABLE activity AS SELECT row_number() OVER () AS activity_id, *,
                        CASE WHEN month(start_date) >= 4 THEN year(start_date) ELSE year(start_date) - 1 END AS fy_start,
                        CASE WHEN cost IS NULL THEN 'UNCOSTED' ELSE 'LOCAL_COST' END AS costing_method,
                        CASE WHEN cost IS NULL THEN NULL ELSE 'fixture cost' END AS cost_basis
                    FROM activity_raw""");
            statement.execute("ALTER TABLE activity ADD COLUMN financial_year VARCHAR");
            statement.execute("UPDATE activity SET financial_year = fy_start::VARCHAR || '/' || right(((fy_start + 1) % 100 + 100)::VARCHAR, 2)");
            String settingColumns = Stream.of(Setting.values()).map(setting -> ("coalesce(sum(a.cost) FILTER (WHERE a.setting = '%1$s'), 0)"
                    + "::DECIMAL(18,2) AS cost_%1$s, count(a.activity_id) FILTER (WHERE a.setting = '%1$s') AS activity_%1$s,")
                    .formatted(setting.code())).collect(Collectors.joining("\n"));
            statement.execute("""
                    CREATE TABLE person_year_summary AS
                    SELECT p.person_pseudonym, y.financial_year, p.age + y.offset_years AS age_at_year_start, p.sex, p.ethnicity,
                           p.deprivation_decile, 'P90001' AS gp_practice, 'U90001' AS pcn,
                    %s
                           count(a.activity_id) AS activity_rows,
                           count(a.activity_id) FILTER (WHERE a.cost IS NULL) AS uncosted_rows,
                           coalesce(sum(a.cost), 0)::DECIMAL(18,2) AS total_cost
                    FROM people p
                    CROSS JOIN (VALUES ('2023/24', 0), ('2024/25', 1)) y(financial_year, offset_years)
                    LEFT JOIN activity a ON a.person_pseudonym = p.person_pseudonym AND a.financial_year = y.financial_year
                    GROUP BY ALL""".formatted(settingColumns));
            copy(statement, "SELECT * EXCLUDE (age) FROM people", folder.resolve("linked/people.parquet"));
            copy(statement, "SELECT * FROM diagnoses", folder.resolve("linked/diagnoses.parquet"));
            copy(statement, "SELECT * FROM condition_registers", folder.resolve("linked/condition_registers.parquet"));
            copy(statement, "SELECT * EXCLUDE (fy_start) FROM activity", folder.resolve("linked/activity.parquet"));
            copy(statement, "SELECT * FROM person_year_summary", folder.resolve("summary/person_year_summary.parquet"));
        }
        return folder;
    }

    private static void insert(Statement statement, String table, List<String> rows) throws SQLException {
        if (!rows.isEmpty()) {
            statement.execute("INSERT INTO " + table + " VALUES " + String.join(",\n", rows));
        }
    }

    private static void copy(Statement statement, String query, Path file) throws SQLException {
        statement.execute("COPY (" + query + ") TO " + DuckDb.literal(file.toString()) + " (FORMAT parquet)");
    }

    private static int nthComma(String text, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = text.indexOf(", ", index + 1);
        }
        return index;
    }

    private static String q(String text) {
        return text == null ? "NULL" : DuckDb.literal(text);
    }
}
