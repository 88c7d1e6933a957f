package org.almoner.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.identity.NhsNumber;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.pseudonymisation.Pseudonymiser;
import org.almoner.engine.stages.SqlDialect;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark spelling of each dialect difference gives Java's answer, as the engine's SqlDialectTest checks DuckDB's;
 * and bad input gets a clear error and no output.
 */
@ExtendWith(ParityRun.Resolver.class)
class SparkDialectTest {

    private final SparkSession spark;

    /** The test run's one Spark session, shared with the parity tests. */
    SparkDialectTest(SparkSession spark) {
        this.spark = spark;
    }

    @Test
    void checksNhsNumbersAsJavaDoes() {
        List<String> candidates = new ArrayList<>(List.of("9990000018", "9990000026", "9990000019", "999000001",
                "99900000181", "999000001X", "abcdefghij", "0000000000", "4010232137", "4010232138"));
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            candidates.add(NhsNumber.randomTestNumber(random).toString());
            candidates.add(String.format("%010d", random.nextLong(10_000_000_000L)));
        }
        List<Boolean> spark = column(values(candidates), SqlDialect.SPARK.nhsNumberValid("v")).stream().map(Boolean.class::cast).toList();
        List<Boolean> java = candidates.stream().map(NhsNumber::isValid).toList();
        assertThat(spark).isEqualTo(java);
        assertThat(java).contains(true, false);
    }

    @Test
    void pseudonymisesAsJavaDoes() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymisationKey.of("dialect-".repeat(6), "test"));
        List<String> identifiers = List.of("9990000018", "GP1", "LA_SOCIAL_CARE:LA-77", "Zoë Ŵ", "");
        List<Object> spark = column(values(identifiers), pseudonymiser.sqlExpression("nhs", "v", SqlDialect.SPARK));
        assertThat(spark).isEqualTo(identifiers.stream().map(id -> (Object) pseudonymiser.pseudonym("nhs", id)).toList());
    }

    @Test
    void countsWholeYearsAsJavaDoes() {
        List<LocalDate[]> pairs = new ArrayList<>();
        pairs.add(new LocalDate[] {LocalDate.of(2025, 2, 28), LocalDate.of(2000, 2, 29)});
        pairs.add(new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2000, 2, 29)});
        pairs.add(new LocalDate[] {LocalDate.of(2025, 4, 1), LocalDate.of(1940, 4, 2)});
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            LocalDate born = LocalDate.of(1920, 1, 1).plusDays(random.nextInt(36_000));
            pairs.add(new LocalDate[] {born.plusDays(random.nextInt(40_000)), born});
        }
        String values = IntStream.range(0, pairs.size())
                .mapToObj(i -> "(" + i + ", DATE '" + pairs.get(i)[0] + "', DATE '" + pairs.get(i)[1] + "')")
                .collect(Collectors.joining(", "));
        List<Integer> years = spark.sql("SELECT " + SqlDialect.wholeYears("o", "b") + " FROM VALUES " + values
                + " AS t(i, o, b) ORDER BY i").collectAsList().stream().map(row -> row.getInt(0)).toList();
        assertThat(years).isEqualTo(pairs.stream().map(p -> Period.between(p[1], p[0]).getYears()).toList());
    }

    @Test
    void matchesWholeTextAsJavaDoes() {
        // The patterns and texts of the engine's SqlDialectTest, which expects the same of DuckDB.
        List<String> patterns = List.of("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", "[A-Z0-9]{3,6}", "[A-Z][0-9]{2}[0-9A-Z]{0,4}",
                "[0-9]{6,18}");
        List<String> texts = List.of("NF1 2AB", "NF12AB", "SW1A 1AA", "NF1 2AB\n", " NF1 2AB", "nf1 2ab", "A86003", "A860031", "AB",
                "E11", "E119", "E11.9", "I2510XXX", "22298006", "12345", "1234567890123456789", "", "Z99ZZ 9ZZ");
        for (String pattern : patterns) {
            List<Object> matches = column(values(texts), SqlDialect.SPARK.matchesWhole("v", pattern));
            assertThat(matches).as(pattern).isEqualTo(texts.stream().map(text -> (Object) text.matches(pattern)).toList())
                    .contains(true, false);
        }
    }

    @Test
    void countsDaysBetweenDatesAsJavaDoes() {
        List<LocalDate[]> pairs = new ArrayList<>(List.of(new LocalDate[] {LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1)},
                new LocalDate[] {LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 31)}, new LocalDate[] {LocalDate.of(2025, 1, 2),
                    LocalDate.of(2024, 12, 30)}));
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200; i++) {
            LocalDate from = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(13_000));
            pairs.add(new LocalDate[] {from, from.plusDays(random.nextInt(-400, 4_000))});
        }
        String values = IntStream.range(0, pairs.size()).mapToObj(i -> "(" + i + ", DATE '" + pairs.get(i)[0] + "', DATE '"
                + pairs.get(i)[1] + "')").collect(Collectors.joining(", "));
        List<Long> days = spark.sql("SELECT CAST(" + SqlDialect.SPARK.daysBetween("f", "t") + " AS BIGINT) FROM VALUES " + values
                + " AS p(i, f, t) ORDER BY i").collectAsList().stream().map(row -> row.getLong(0)).toList();
        assertThat(days).isEqualTo(pairs.stream().map(p -> java.time.temporal.ChronoUnit.DAYS.between(p[0], p[1])).toList());
    }

    @Test
    void givesTheIntegersAsked() {
        assertThat(spark.sql("SELECT y FROM " + SqlDialect.SPARK.integers("y", 1998, 2002) + " r ORDER BY y").collectAsList()
                .stream().map(row -> row.getInt(0)).toList()).containsExactly(1998, 1999, 2000, 2001);
        assertThat(spark.sql("SELECT " + SqlDialect.SPARK.integerDivide("17", "5")).first().getLong(0)).isEqualTo(3);
    }

    @Test
    void dividesMoneyExactlyAndRoundsHalfUpAsJavaDoes() {
        List<BigDecimal[]> pairs = new ArrayList<>();
        String[][] fixed = {{"0.125", "1"}, {"1.005", "1"}, {"-1.005", "1"}, {"2.5", "2"}, {"10", "3"}, {"-10", "3"}, {"20", "-3"},
            {"0.01", "2"}, {"0.03", "2"}, {"-0.03", "2"}, {"1234567890.12", "0.07"}, {"99999999999.99", "7"}, {"0", "5"},
            {"1", "0.0001"}, {"123.4567", "100"}, {"33.335", "1"}, {"0.00004999", "0.01"}};
        for (String[] pair : fixed) {
            pairs.add(new BigDecimal[] {new BigDecimal(pair[0]), new BigDecimal(pair[1])});
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 300; i++) {
            pairs.add(new BigDecimal[] {BigDecimal.valueOf(random.nextLong(-100_000_000_00L, 100_000_000_00L), 2 + random.nextInt(3)),
                BigDecimal.valueOf(random.nextLong(1, 1_000_000L) * (random.nextBoolean() ? 1 : -1), random.nextInt(4))});
        }
        String values = IntStream.range(0, pairs.size()).mapToObj(i -> "(" + i + ", CAST(" + pairs.get(i)[0].toPlainString()
                + " AS DECIMAL(18,4)), CAST(" + pairs.get(i)[1].toPlainString() + " AS DECIMAL(18,4)))").collect(Collectors.joining(", "));
        for (int scale : new int[] {1, 2}) {
            int places = scale;
            List<Object> quotients = spark.sql("SELECT " + SqlDialect.SPARK.decimalQuotient("a", "b", scale) + " FROM VALUES " + values
                    + " AS t(i, a, b) ORDER BY i").collectAsList().stream().map(row -> row.get(0)).toList();
            assertThat(quotients).as("scale " + scale)
                    .isEqualTo(pairs.stream().map(p -> (Object) p[0].divide(p[1], places, RoundingMode.HALF_UP)).toList());
        }
    }

    @Test
    void listsDistinctValuesSortedAsDuckDbDoes() {
        List<String> lists = spark.sql("SELECT " + SqlDialect.SPARK.sortedDistinctList("v", "'; '") + " FROM VALUES (1, 'b'), (1, 'a'),"
                + " (1, 'b'), (1, NULL), (1, 'B'), (2, 'z') AS t(g, v) GROUP BY g ORDER BY g").collectAsList().stream()
                .map(row -> row.getString(0)).toList();
        // The engine's SqlDialectTest expects the same of DuckDB: NULL left out, sorted by code point.
        assertThat(lists).containsExactly("B; a; b", "z");
    }

    @Test
    void readsTextLiteralsAsWritten() {
        String text = "Nurse's visit, 50% \\ \\' \"home\" \\n";
        assertThat(spark.sql("SELECT " + SqlDialect.SPARK.text(text)).first().getString(0)).isEqualTo(text);
    }

    @Test
    void saysWhichFileIsMissing(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("input/activity"));
        assertThatThrownBy(() -> new SparkPipeline(spark).run(request(folder)))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("people.csv")
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.INPUT_NOT_FOUND));
        assertThat(folder.resolve("output")).doesNotExist();
    }

    @Test
    void namesTheFileWhoseHeaderIsWrongAndWritesNothing(@TempDir Path folder) throws IOException {
        Path input = Files.createDirectories(folder.resolve("input/activity"));
        Files.writeString(folder.resolve("input/people.csv"), "person_id,surname\nP1,Smith\n");
        assertThatThrownBy(() -> new SparkPipeline(spark).run(request(folder)))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("people.csv")
                .hasMessageContaining("docs/formats.md")
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT));
        assertThat(folder.resolve("output")).doesNotExist();
        assertThat(input).exists();
    }

    private static SparkRequest request(Path folder) {
        return new SparkRequest(folder.resolve("input").toString(), folder.resolve("output").toString(), null,
                PseudonymisationKey.of("errors-".repeat(7), "test"), LocalDate.of(2025, 6, 30), 30, false, null, null);
    }

    private static String values(List<String> texts) {
        return IntStream.range(0, texts.size()).mapToObj(i -> "(" + i + ", '" + texts.get(i).replace("'", "''") + "')")
                .collect(Collectors.joining(", "));
    }

    private List<Object> column(String values, String expression) {
        List<Object> results = new ArrayList<>();
        for (Row row : spark.sql("SELECT " + expression + " FROM VALUES " + values + " AS t(i, v) ORDER BY i").collectAsList()) {
            results.add(row.get(0));
        }
        return results;
    }
}
