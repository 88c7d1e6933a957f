package org.almoner.engine.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.DatabaseRows;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.identity.NhsNumber;
import org.almoner.engine.quality.FieldQuality;
import org.almoner.engine.quality.Rating;
import org.almoner.engine.quality.QualitySettings;
import org.almoner.engine.quality.SourceQuality;
import org.almoner.engine.stages.SqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {

    private static final String PEOPLE_HEADER = String.join(",", InputFile.PEOPLE.columnNames());
    private static final String ACTIVITY_HEADER = String.join(",", InputFile.ACTIVITY.columnNames());

    @TempDir
    Path folder;

    private Connection connection;

    @BeforeEach
    void open() {
        connection = DuckDb.open(null, new DuckDbSettings(2, 1024, null));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private Path input(String peopleRows, String activityFile, String activityRows) throws IOException {
        Files.createDirectories(folder.resolve("activity"));
        Files.writeString(folder.resolve("people.csv"), PEOPLE_HEADER + "\n" + peopleRows, UTF_8);
        Files.writeString(folder.resolve("diagnoses.csv"), String.join(",", InputFile.DIAGNOSES.columnNames())
                + "\nP1,ICD10,I500,2023-01-01\nP9,ICD10,E119,2023-01-01\n", UTF_8);
        Files.writeString(folder.resolve("condition_registers.csv"), String.join(",", InputFile.CONDITION_REGISTERS.columnNames())
                + "\nP1,HF,2023-01-01\n", UTF_8);
        Files.writeString(folder.resolve("activity").resolve(activityFile), ACTIVITY_HEADER + "\n" + activityRows, UTF_8);
        return folder;
    }

    private static String person(String id, String nhsNumber) {
        return id + "," + nhsNumber + ",Ada,Lovelace,1940-03-15,2,NF1 2AB,A,3,P90001,U90001,N,N,N,N,N,N,55.0,2024-01-01,\n";
    }

    private static String activity(String id, String nhsNumber, String start, String end, String units) {
        return "SUS_APC," + id + ",admitted_patient_care," + nhsNumber + ",,Ada,Lovelace,1940-03-15,2,NF1 2AB,R0A,300,NEL,"
                + start + "," + end + "," + units + ",spell,EB03,HRG,I500,,2024-05-20\n";
    }

    private IngestResult ingest(Path input) {
        return new Ingest(connection, new QualitySettings(LocalDate.of(2025, 6, 30), 30), folder.resolve("staging"))
                .run(IngestPlan.fromDirectory(input), percent -> { });
    }

    @Test
    void loadsAValidFolderAndAccountsForEveryRow() throws IOException, SQLException {
        Path input = input(person("P1", "9990000018") + person("P2", "9990000026"), "sus_apc.csv",
                activity("A1", "9990000018", "2024-05-02", "2024-05-09", "1")
                        + activity("A2", "9990000026", "2024-06-02", "", "1"));

        IngestResult result = ingest(input);

        assertThat(result.accounts()).extracting(FileAccount::kind, FileAccount::read, FileAccount::loaded, FileAccount::rejected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("people", 2L, 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("diagnoses", 2L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("condition_registers", 1L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("activity", 2L, 2L, 0L));
        assertThat(query("SELECT source_record_id, start_date::VARCHAR, units::VARCHAR, nhs_number_status FROM activity_in ORDER BY 1"))
                .containsExactly(List.of("A1", "2024-05-02", "1.0000", "VALID"), List.of("A2", "2024-06-02", "1.0000", "VALID"));
        assertThat(query("SELECT count(DISTINCT activity_id) FROM activity_in")).containsExactly(List.of("2"));
        assertThat(query("SELECT person_id, chc::VARCHAR, activation_score::VARCHAR FROM people_in ORDER BY 1"))
                .containsExactly(List.of("P1", "false", "55.0"), List.of("P2", "false", "55.0"));
    }

    @Test
    void rejectsBadRowsWithLineAndReasonAndKeepsTheRest() throws IOException, SQLException {
        Path input = input(person("P1", "9990000018") + person("P1", "9990000026"), "sus_apc.csv",
                activity("A1", "9990000018", "2024-05-02", "2024-05-09", "1")
                        + activity("A2", "9990000018", "2024-05-09", "2024-05-02", "1")
                        + activity("A3", "9990000018", "2024-02-30", "", "1")
                        + activity("A4", "9990000018", "2024-05-02", "", "0")
                        + activity("A1", "9990000018", "2024-05-02", "", "1")
                        + activity("", "9990000018", "2024-05-02", "", "1")
                        + activity("A7", "9990000019", "2024-05-02", "", "2.5"));

        IngestResult result = ingest(input);
        Path rejects = folder.resolve("out").resolve("rejects.csv");
        result.writeRejects(connection, rejects);

        assertThat(result.rowsRead()).isEqualTo(result.rowsLoaded() + result.rowsRejected());
        List<List<String>> rows = query("SELECT source_file, source_line, field, reason FROM read_csv('" + rejects
                + "', all_varchar = true) ORDER BY source_file, source_line::INTEGER");
        assertThat(rows).extracting(row -> row.get(0).endsWith("sus_apc.csv") ? "activity:" + row.get(1) + ":" + row.get(2)
                        : row.get(0).endsWith("people.csv") ? "people:" + row.get(1) + ":" + row.get(2) : "other:" + row.get(1))
                .containsExactlyInAnyOrder("people:2:person_id", "people:3:person_id", "other:2", "other:3", "other:2",
                        "activity:2:source_record_id", "activity:3:end_date", "activity:4:start_date", "activity:5:units",
                        "activity:6:source_record_id", "activity:7:source_record_id");
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).contains("'2024-02-30' is not a date"));
        // Two rows claiming one record id are both held back: which is right is for the source to say.
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).contains("A1 of SUS_APC appears 2 times"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).contains("is not in the people file"));
        // An NHS number failing its check digit keeps the row; quality counts it.
        assertThat(query("SELECT nhs_number, nhs_number_status FROM activity_in WHERE source_record_id = 'A7'"))
                .containsExactly(List.of("null", "INVALID"));
    }

    @Test
    void lineNumbersStayRightDeepIntoALargeFile() throws IOException, SQLException {
        StringBuilder rows = new StringBuilder();
        int badLine = 250_000;
        for (int line = 2; line <= 300_001; line++) {
            rows.append(activity("R" + line, "9990000018", "2024-05-02", line == badLine ? "2024-01-01" : "", "1"));
        }
        Path input = input(person("P1", "9990000018"), "big.csv", rows.toString());
        IngestResult result = ingest(input);
        Path rejects = folder.resolve("rejects.csv");
        result.writeRejects(connection, rejects);
        assertThat(query("SELECT source_line FROM read_csv('" + rejects + "', all_varchar = true) WHERE source_file LIKE '%big.csv'"))
                .containsExactly(List.of(String.valueOf(badLine)));
        assertThat(query("SELECT source_record_id FROM activity_checked WHERE reject IS NOT NULL"))
                .containsExactly(List.of("R" + badLine));
        assertThat(result.accounts().getLast().read()).isEqualTo(300_000);
    }

    @Test
    void aSmallFirstActivityFileDoesNotMakeTheActivityLookSmallerThanThePeople() throws IOException, SQLException {
        // DuckDB estimates a list of Parquet files from the first; taken from a tiny source system's file it
        // put every activity row in the hash table of the join to the people, instead of the people.
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append(activity("B" + i, "9990000018", "2024-05-02", "", "1"));
        }
        Path input = input(person("P1", "9990000018"), "zz_large.csv", rows.toString());
        Files.writeString(folder.resolve("activity").resolve("aa_small.csv"), ACTIVITY_HEADER + "\n"
                + activity("S1", "9990000018", "2024-05-02", "", "1"), UTF_8);
        ingest(input);
        Sql.execute(connection, "CREATE TABLE spine AS SELECT '999' || lpad(CAST(i AS VARCHAR), 7, '0') AS nhs_number,"
                + " 'K' || i AS person_pseudonym FROM range(5000) t(i)");

        String plan = String.join("\n", query("EXPLAIN SELECT * FROM activity_in a LEFT JOIN spine s ON s.nhs_number = a.nhs_number")
                .stream().map(row -> row.get(1)).toList());

        assertThat(plan).contains("LEFT").doesNotContain("RIGHT");
        assertThat(query("SELECT count(*) FROM activity_in")).containsExactly(List.of("20001"));
    }

    @Test
    void failsOnAWrongHeaderNamingTheColumn() throws IOException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", "");
        Files.writeString(input.resolve("people.csv"), PEOPLE_HEADER.replace("family_name", "surname") + "\n");
        assertThatThrownBy(() -> ingest(input)).isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("people.csv, line 1, column 4").hasMessageContaining("Missing column: family_name")
                .hasMessageContaining("Unexpected column: surname");
    }

    @Test
    void failsOnMisorderedHeader() throws IOException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", "");
        Files.writeString(input.resolve("people.csv"), PEOPLE_HEADER.replace("given_name,family_name", "family_name,given_name") + "\n");
        assertThatThrownBy(() -> ingest(input)).hasMessageContaining("line 1, column 3").hasMessageContaining("wrong order");
    }

    @Test
    void failsOnATruncatedFileNamingTheLine() throws IOException {
        String good = activity("A1", "9990000018", "2024-05-02", "", "1");
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", good + good.replace("A1", "A2").substring(0, 40));
        assertThatThrownBy(() -> ingest(input)).isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("sus_apc.csv, line 3").hasMessageContaining("fewer fields");
    }

    @Test
    void failsOnBadEncodingNamingTheLine() throws IOException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", activity("A1", "9990000018", "2024-05-02", "", "1"));
        byte[] latin1 = (ACTIVITY_HEADER + "\n" + activity("A1", "9990000018", "2024-05-02", "", "1")
                + activity("A2", "9990000018", "2024-05-02", "", "1").replace("Lovelace", "Lovelac\u00e9"))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(input.resolve("activity").resolve("sus_apc.csv"), latin1);
        assertThatThrownBy(() -> ingest(input)).hasMessageContaining("sus_apc.csv, line 3").hasMessageContaining("UTF-8");
    }

    @Test
    void failsOnABinaryFileSayingWhatItLooksLike() throws IOException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", "");
        Files.write(input.resolve("activity").resolve("sus_apc.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});
        assertThatThrownBy(() -> ingest(input)).hasMessageContaining("sus_apc.csv, line 1, column 1")
                .hasMessageContaining("zip archive");
    }

    @Test
    void failsOnAnUnclosedQuote() throws IOException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv",
                activity("A1", "9990000018", "2024-05-02", "", "1") + activity("A2", "9990000018", "2024-05-02", "", "1")
                        .replace("Lovelace", "\"Love,lace"));
        assertThatThrownBy(() -> ingest(input)).hasMessageContaining("line 3").hasMessageContaining("double quote");
    }

    @Test
    void failsOnAnEmptyFile() throws IOException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", "");
        Files.writeString(input.resolve("diagnoses.csv"), "");
        assertThatThrownBy(() -> ingest(input)).hasMessageContaining("diagnoses.csv, line 1").hasMessageContaining("empty");
    }

    @Test
    void parquetLoadsTheSameAsCsv() throws IOException, SQLException {
        Path input = input(person("P1", "9990000018"), "sus_apc.csv", activity("A1", "9990000018", "2024-05-02", "2024-05-09", "1"));
        Path csv = input.resolve("activity").resolve("sus_apc.csv");
        Sql.execute(connection, "COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '"
                + input.resolve("activity").resolve("sus_apc.parquet") + "' (FORMAT parquet)");
        Files.delete(csv);
        IngestResult result = ingest(input);
        assertThat(result.accounts().getLast().loaded()).isEqualTo(1);
        assertThat(query("SELECT source_record_id, end_date::VARCHAR FROM activity_in")).containsExactly(List.of("A1", "2024-05-09"));
    }

    @Test
    void measuresCompletenessValidityAndDefaults() throws IOException {
        Path input = input(person("P1", "9990000018") + person("P2", "9990000026"), "sus_apc.csv",
                activity("A1", "9990000018", "2024-05-02", "", "1")
                        + activity("A2", "9990000019", "2024-05-02", "", "1")
                        + activity("A3", "9990000026", "2024-05-02", "", "1")
                        + activity("A4", "", "2024-05-02", "", "1").replace("NF1 2AB", "ZZ99 3VZ")
                        + activity("A5", "9990000018", "2024-05-02", "", "1").replace(",1940-03-15,", ",1900-01-01,"));
        SourceQuality activity = ingest(input).qualityReport().sources().getLast();

        FieldQuality nhsNumber = field(activity, "nhs_number");
        assertThat(nhsNumber.completeness().count()).isEqualTo(4);
        assertThat(nhsNumber.completeness().outOf()).isEqualTo(5);
        assertThat(nhsNumber.validity().share()).isEqualTo(0.75);
        assertThat(nhsNumber.validity().rating()).isEqualTo(Rating.POOR);
        assertThat(field(activity, "postcode").defaults().count()).isEqualTo(1);
        assertThat(field(activity, "date_of_birth").defaults().count()).isEqualTo(1);
        assertThat(activity.timeliness().timely().count()).isEqualTo(5);
        assertThat(activity.timeliness().latestActivity()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(activity.sourceSystems()).containsExactly("SUS_APC");
        // A blank local cost is normal (tariff prices these rows): shown, not rated against the source.
        assertThat(field(activity, "local_cost").completeness().share()).isEqualTo(0.0);
        assertThat(field(activity, "local_cost").completeness().rating()).isEqualTo(Rating.NOT_APPLICABLE);
    }

    @Test
    void fieldMeasuresAreTheSameHoweverTheAnswersArePacked() throws IOException {
        Path input = input(person("P1", "9990000018") + person("P2", "9990000026").replace(",NF1 2AB,", ",ZZ99 3VZ,"), "sus_apc.csv",
                activity("A1", "9990000018", "2024-05-02", "", "1")
                        + activity("A2", "9990000019", "2024-05-02", "2024-05-04", "2")
                        + activity("A3", "", "2024-05-02", "", "1").replace("NF1 2AB", "ZZ99 3VZ").replace(",R0A,", ",R0A-BAD,")
                        + activity("A4", "9990000018", "2024-05-02", "", "1").replace(",1940-03-15,", ",1900-01-01,")
                        + activity("A5", "9990000026", "2024-05-02", "", "1").replace(",I500,", ",,"));
        IngestResult result = ingest(input);
        QualitySettings settings = new QualitySettings(LocalDate.of(2025, 6, 30), 30);

        // Activity asks 38 questions of each row: two answers a number takes them across numbers, and every cut between them.
        for (int bits : new int[] {1, 2, 5, 37, 62}) {
            assertThat(DataQualityChecks.report(result.accounts(), settings, SqlDialect.DUCKDB,
                    sql -> DataQualityChecks.rows(connection, sql), bits)).as("%d answers a number", bits)
                    .isEqualTo(result.qualityReport());
        }
        assertThat(field(result.qualityReport().sources().getLast(), "postcode").defaults().count()).isEqualTo(1);
        assertThat(field(result.qualityReport().sources().getLast(), "provider_code").validity().count()).isEqualTo(4);
    }

    @Test
    void databaseAndJavaAgreeOnNhsNumbers() throws SQLException {
        SplittableRandom random = new SplittableRandom(3);
        List<String> candidates = new ArrayList<>(List.of("", "123", "94347659I9", "0000000000", "9434765919"));
        for (int i = 0; i < 300; i++) {
            String valid = NhsNumber.randomTestNumber(random).value();
            candidates.add(valid);
            int position = random.nextInt(10);
            candidates.add(valid.substring(0, position) + (char) ('0' + random.nextInt(10)) + valid.substring(position + 1));
            candidates.add(String.format("%010d", random.nextLong(10_000_000_000L)));
        }
        Sql.execute(connection, TypedColumns.nhsNumberMacro());
        try (Statement statement = connection.createStatement()) {
            for (String candidate : candidates) {
                try (ResultSet result = statement.executeQuery("SELECT almoner_nhs_number_valid(" + DuckDb.literal(candidate) + ")")) {
                    result.next();
                    assertThat(result.getBoolean(1)).as(candidate).isEqualTo(NhsNumber.isValid(candidate));
                }
            }
        }
    }

    private static FieldQuality field(SourceQuality source, String name) {
        return source.fields().stream().filter(field -> field.field().equals(name)).findFirst().orElseThrow();
    }

    private List<List<String>> query(String sql) throws SQLException {
        return DatabaseRows.rows(connection, sql);
    }
}
