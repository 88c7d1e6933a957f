package org.almoner.engine.stages;

import static java.util.Objects.requireNonNull;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The few places where DuckDB and Spark SQL spell the same thing differently. Every stage definition
 * is written in the SQL both accept and asks its dialect for the rest, so the difference between the
 * engines is this enum and nothing else.
 */
public enum SqlDialect {

    /** DuckDB, the engine of one machine. */
    DUCKDB {
        @Override
        public String integerDivide(String dividend, String divisor) {
            return "(" + dividend + " // " + divisor + ")";
        }

        @Override
        public String isTenDigits(String text) {
            return "(" + text + " GLOB '" + "[0-9]".repeat(10) + "')";
        }

        @Override
        public String sha256Hex(String bytes) {
            return "sha256(" + bytes + ")";
        }

        @Override
        public String utf8Bytes(String text) {
            return "encode(" + text + ")";
        }

        @Override
        public String integers(String column, int fromInclusive, int toExclusive) {
            return "(SELECT range AS " + column + " FROM range(" + fromInclusive + ", " + toExclusive + "))";
        }

        @Override
        public String eachWord(String text) {
            return "unnest(string_split(" + text + ", ' '))";
        }

        @Override
        public String sortedList(String item, String condition, String separator) {
            return "array_to_string(list_sort(list(" + item + ") FILTER (WHERE " + condition + ")), " + separator + ")";
        }

        @Override
        public String text(String value) {
            return "'" + value.replace("'", "''") + "'";
        }

        @Override
        public String sortedDistinctList(String item, String separator) {
            return "array_to_string(list_sort(list(DISTINCT " + item + ")), " + separator + ")";
        }

        @Override
        public String decimalQuotient(String dividend, String divisor, int scale) {
            // DuckDB divides decimals as doubles; money must not be. Both become whole numbers of hundred-millionths
            // (HUGEINT), and the quotient is rounded half away from zero by integer division, as BigDecimal's HALF_UP.
            String unit = unit(scale);
            String a = "CAST(CAST(" + dividend + " AS DECIMAL(38,8)) * 100000000 AS HUGEINT)";
            String b = "CAST(CAST(" + divisor + " AS DECIMAL(38,8)) * 100000000 AS HUGEINT)";
            String rounded = "(sign(" + a + ") * sign(" + b + ") * ((abs(" + a + ") * " + (2 * POWERS[scale]) + " + abs(" + b + "))"
                    + " // (2 * abs(" + b + "))))";
            return "CAST(CAST(" + rounded + " AS DECIMAL(38,0)) * CAST(" + unit + " AS DECIMAL(" + (scale + 1) + "," + scale
                    + ")) AS DECIMAL(18," + scale + "))";
        }

        @Override
        public String matchesWhole(String text, String pattern) {
            return "regexp_full_match(" + text + ", " + text(pattern) + ")";
        }

        @Override
        public String daysBetween(String from, String to) {
            return "date_diff('day', " + from + ", " + to + ")";
        }

        @Override
        public String nhsNumberValid(String digits) {
            // A macro, created once per connection by the ingest stage: the expression is long and
            // DuckDB plans a macro call more cheaply than the expression written out per column.
            return "almoner_nhs_number_valid(" + digits + ")";
        }
    },

    /** Apache Spark SQL (4.x, ANSI mode), the engine of a cluster. */
    SPARK {
        @Override
        public String integerDivide(String dividend, String divisor) {
            return "(" + dividend + " div " + divisor + ")";
        }

        @Override
        public String isTenDigits(String text) {
            return "(" + text + " RLIKE '^[0-9]{10}$')";
        }

        @Override
        public String sha256Hex(String bytes) {
            return "sha2(" + bytes + ", 256)";
        }

        @Override
        public String utf8Bytes(String text) {
            return "encode(" + text + ", 'UTF-8')";
        }

        @Override
        public String integers(String column, int fromInclusive, int toExclusive) {
            return "(SELECT CAST(id AS INT) AS " + column + " FROM range(" + fromInclusive + ", " + toExclusive + "))";
        }

        @Override
        public String eachWord(String text) {
            return "explode(split(" + text + ", ' '))";
        }

        @Override
        public String sortedList(String item, String condition, String separator) {
            return "array_join(array_sort(collect_list(" + item + ") FILTER (WHERE " + condition + ")), " + separator + ")";
        }

        @Override
        public String text(String value) {
            // Spark reads a backslash in a literal as an escape, so it is doubled; a doubled quote is a quote, as in DuckDB.
            return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
        }

        @Override
        public String sortedDistinctList(String item, String separator) {
            return "array_join(array_sort(collect_set(" + item + ")), " + separator + ")";
        }

        @Override
        public String decimalQuotient(String dividend, String divisor, int scale) {
            // Spark divides decimals exactly (to 22 places here, with precision loss off) and rounds half up.
            return "CAST(round(CAST(" + dividend + " AS DECIMAL(30,8)) / CAST(" + divisor + " AS DECIMAL(30,8)), " + scale
                    + ") AS DECIMAL(18," + scale + "))";
        }

        @Override
        public String matchesWhole(String text, String pattern) {
            // RLIKE finds the pattern anywhere, so it is anchored; \\z, not $, which would also match before a final newline.
            return "(" + text + " RLIKE " + text("^(?:" + pattern + ")\\z") + ")";
        }

        @Override
        public String daysBetween(String from, String to) {
            return "datediff(" + to + ", " + from + ")";
        }

        @Override
        public String nhsNumberValid(String digits) {
            return nhsNumberCheck(digits);
        }
    };

    /** Whole-number division of two integer expressions, rounding towards zero (both are non-negative here). */
    public abstract String integerDivide(String dividend, String divisor);

    /** True when the text expression is exactly ten ASCII digits. */
    public abstract String isTenDigits(String text);

    /** SHA-256 of a binary expression, as 64 lower-case hexadecimal characters. */
    public abstract String sha256Hex(String bytes);

    /** The UTF-8 bytes of a text expression. */
    public abstract String utf8Bytes(String text);

    /** A relation of one INTEGER column {@code column} holding fromInclusive up to toExclusive. */
    public abstract String integers(String column, int fromInclusive, int toExclusive);

    /** In a select list: one row for each space-separated word of the text expression (the other columns repeated). */
    public abstract String eachWord(String text);

    /** An aggregate: the group's values of {@code item} where {@code condition} holds, sorted, joined by {@code separator} (a SQL string). */
    public abstract String sortedList(String item, String condition, String separator);

    /** A text literal holding exactly {@code value}. */
    public abstract String text(String value);

    /** An aggregate: the group's distinct values of {@code item} (not NULL), sorted, joined by {@code separator} (a SQL string). */
    public abstract String sortedDistinctList(String item, String separator);

    /**
     * {@code dividend / divisor} (numbers with at most eight decimal places) as a DECIMAL(18, scale), rounded half away from
     * zero as {@code BigDecimal.divide(divisor, scale, HALF_UP)}: money divided exactly, never through a double. The
     * caller keeps the divisor from being zero.
     */
    public abstract String decimalQuotient(String dividend, String divisor, int scale);

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private static String unit(int scale) {
        if (scale < 0 || scale >= POWERS.length) {
            throw new IllegalArgumentException("scale must be 0 to " + (POWERS.length - 1) + ": " + scale);
        }
        return scale == 0 ? "1" : "0." + "0".repeat(scale - 1) + "1";
    }

    /**
     * True when the whole of the text expression matches the regular expression {@code pattern} (the common ground of
     * RE2 and Java's syntax: classes, counts, alternatives); NULL when the text is NULL.
     */
    public abstract String matchesWhole(String text, String pattern);

    /** The whole days from the DATE {@code from} to the DATE {@code to} (negative when {@code to} is earlier), as an integer. */
    public abstract String daysBetween(String from, String to);

    /** True when {@code digits} (normalised text, or NULL) is an NHS number with a valid check digit. */
    public abstract String nhsNumberValid(String digits);

    /**
     * The NHS number check written out: ten digits whose modulus 11 check digit is right, agreeing with
     * {@code NhsNumber.isValid}. Integer arithmetic on the ten digits: several times faster than a
     * regular expression and nine substrings over tens of millions of rows.
     */
    public String nhsNumberCheck(String digits) {
        requireNonNull(digits, "digits is null");
        String number = "CAST(" + digits + " AS BIGINT)";
        String weighted = Stream.iterate(1, i -> i + 1).limit(9)
                .map(i -> "(" + integerDivide(number, "1" + "0".repeat(10 - i)) + " % 10) * " + (11 - i))
                .collect(Collectors.joining(" + "));
        return "CASE WHEN " + digits + " IS NULL OR length(" + digits + ") <> 10 OR NOT " + isTenDigits(digits)
                + " THEN false ELSE (11 - ((" + weighted + ") % 11)) % 11 = " + number + " % 10 END";
    }

    /**
     * Whole years from {@code born} to {@code on} (two DATE expressions), as an INTEGER: integer
     * arithmetic, the same in both engines, and faster than an interval over tens of millions of rows.
     */
    public static String wholeYears(String on, String born) {
        return "CAST(year(" + on + ") - year(" + born + ") - CASE WHEN month(" + on + ") * 100 + day(" + on + ") < month("
                + born + ") * 100 + day(" + born + ") THEN 1 ELSE 0 END AS INT)";
    }
}
