package org.almoner.engine.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.junit.jupiter.api.Test;

/** The DuckDB spelling of each dialect difference gives Java's answer (the Spark runner tests Spark's the same way). */
class SqlDialectTest {

    @Test
    void checksNhsNumbersAsJavaDoes() throws SQLException {
        List<String> candidates = DialectCases.nhsNumberCandidates();
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            Sql.execute(duckdb, "CREATE MACRO almoner_nhs_number_valid(n) AS " + SqlDialect.DUCKDB.nhsNumberCheck("n"));
            String values = IntStream.range(0, candidates.size()).mapToObj(i -> "(" + i + ", '" + candidates.get(i) + "')")
                    .collect(Collectors.joining(", "));
            List<Boolean> inline = booleans(duckdb, "SELECT " + SqlDialect.DUCKDB.nhsNumberCheck("n") + " FROM (VALUES " + values
                    + ") t(i, n) ORDER BY i");
            List<Boolean> macro = booleans(duckdb, "SELECT " + SqlDialect.DUCKDB.nhsNumberValid("n") + " FROM (VALUES " + values
                    + ") t(i, n) ORDER BY i");
            List<Boolean> java = candidates.stream().map(DialectCases::nhsNumberValid).toList();
            assertThat(inline).isEqualTo(java);
            assertThat(macro).isEqualTo(java);
            assertThat(java).contains(true, false);
        }
    }

    @Test
    void countsWholeYearsAsJavaDoes() throws SQLException {
        List<LocalDate[]> pairs = DialectCases.datePairs();
        String values = IntStream.range(0, pairs.size())
                .mapToObj(i -> "(" + i + ", DATE '" + pairs.get(i)[0] + "', DATE '" + pairs.get(i)[1] + "')")
                .collect(Collectors.joining(", "));
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            List<Integer> years = integers(duckdb, "SELECT " + SqlDialect.wholeYears("o", "b") + " FROM (VALUES " + values + ") t(i, o, b) ORDER BY i");
            assertThat(years).isEqualTo(pairs.stream().map(p -> DialectCases.wholeYears(p[0], p[1])).toList());
        }
    }

    @Test
    void matchesWholeTextAsJavaDoes() throws SQLException {
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            for (String pattern : DialectCases.PATTERNS) {
                String values = IntStream.range(0, DialectCases.TEXTS.size())
                        .mapToObj(i -> "(" + i + ", " + SqlDialect.DUCKDB.text(DialectCases.TEXTS.get(i)) + ")").collect(Collectors.joining(", "));
                List<Boolean> matches = booleans(duckdb, "SELECT " + SqlDialect.DUCKDB.matchesWhole("v", pattern) + " FROM (VALUES " + values
                        + ") t(i, v) ORDER BY i");
                assertThat(matches).as(pattern).isEqualTo(DialectCases.TEXTS.stream().map(text -> DialectCases.matchesWhole(text, pattern))
                        .toList()).contains(true, false);
            }
        }
    }

    @Test
    void countsDaysBetweenDatesAsJavaDoes() throws SQLException {
        List<LocalDate[]> pairs = DialectCases.datePairs();
        String values = IntStream.range(0, pairs.size())
                .mapToObj(i -> "(" + i + ", DATE '" + pairs.get(i)[0] + "', DATE '" + pairs.get(i)[1] + "')")
                .collect(Collectors.joining(", "));
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            List<Integer> days = integers(duckdb, "SELECT CAST(" + SqlDialect.DUCKDB.daysBetween("o", "b") + " AS INTEGER) FROM (VALUES "
                    + values + ") t(i, o, b) ORDER BY i");
            assertThat(days).isEqualTo(pairs.stream().map(p -> (int) java.time.temporal.ChronoUnit.DAYS.between(p[0], p[1])).toList());
        }
    }

    @Test
    void givesTheIntegersAsked() throws SQLException {
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            assertThat(integers(duckdb, "SELECT y FROM " + SqlDialect.DUCKDB.integers("y", 1998, 2002) + " r ORDER BY y"))
                    .containsExactly(1998, 1999, 2000, 2001);
            assertThat(integers(duckdb, "SELECT CAST(" + SqlDialect.DUCKDB.integerDivide("17", "5") + " AS INTEGER)")).containsExactly(3);
        }
    }

    @Test
    void dividesMoneyExactlyAndRoundsHalfUpAsJavaDoes() throws SQLException {
        List<java.math.BigDecimal[]> pairs = DialectCases.quotientPairs();
        String values = IntStream.range(0, pairs.size())
                .mapToObj(i -> "(" + i + ", CAST(" + pairs.get(i)[0].toPlainString() + " AS DECIMAL(18,4)), CAST("
                        + pairs.get(i)[1].toPlainString() + " AS DECIMAL(18,4)))")
                .collect(Collectors.joining(", "));
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            for (int scale : new int[] {1, 2}) {
                List<java.math.BigDecimal> quotients = new ArrayList<>();
                try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery("SELECT "
                        + SqlDialect.DUCKDB.decimalQuotient("a", "b", scale) + " FROM (VALUES " + values + ") t(i, a, b) ORDER BY i")) {
                    while (rows.next()) {
                        quotients.add(rows.getBigDecimal(1));
                    }
                }
                int places = scale;
                assertThat(quotients).as("scale " + scale).isEqualTo(pairs.stream()
                        .map(p -> DialectCases.quotient(p[0], p[1], places)).toList());
            }
        }
    }

    @Test
    void readsTextLiteralsAsWritten() throws SQLException {
        String text = "Nurse's visit, 50% \\ \\' \"home\" \\n";
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults());
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + SqlDialect.DUCKDB.text(text))) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(text);
        }
    }

    @Test
    void listsDistinctValuesSorted() throws SQLException {
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults());
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT g, " + SqlDialect.DUCKDB.sortedDistinctList("v", "'; '")
                        + " FROM (VALUES (1, 'b'), (1, 'a'), (1, 'b'), (1, NULL), (1, 'B'), (2, 'z')) t(g, v) GROUP BY g ORDER BY g")) {
            List<String> lists = new ArrayList<>();
            while (rows.next()) {
                lists.add(rows.getString(2));
            }
            assertThat(lists).containsExactly(DialectCases.SORTED_DISTINCT_FIRST, "z");
        }
    }

    private static List<Boolean> booleans(Connection connection, String query) throws SQLException {
        List<Boolean> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getBoolean(1));
            }
        }
        return values;
    }

    private static List<Integer> integers(Connection connection, String query) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        }
        return values;
    }
}
