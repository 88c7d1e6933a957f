package org.almoner.engine.reference.internal;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.literal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One rule a reference data value must keep, as a SQL condition that is true for a bad value and a
 * plain-English description of what is wrong and what to write instead.
 *
 * @param condition builds the SQL condition from the quoted column name
 * @param problem says what is wrong with a value, ending with what to do
 */
record ValueCheck(UnaryOperator<String> condition, UnaryOperator<String> problem) {

    ValueCheck {
        requireNonNull(condition, "condition is null");
        requireNonNull(problem, "problem is null");
    }

    String failsWhen(String column) {
        return condition.apply(column);
    }

    String describe(String value) {
        return problem.apply(value);
    }

    /** The checks for a column, in the order they are reported. */
    static List<ValueCheck> forColumn(ReferenceColumn column) {
        List<ValueCheck> checks = new ArrayList<>();
        ColumnKind kind = column.kind();
        if (column.required()) {
            checks.add(new ValueCheck(v -> v + " IS NULL",
                    value -> "the value is blank. Fill in " + (column.allowedValues().isEmpty()
                            ? kind.expected() : "one of: " + String.join(", ", column.allowedValues())) + "."));
        }
        if (!column.allowedValues().isEmpty()) {
            String list = column.allowedValues().stream().map(allowed -> literal(allowed)).collect(Collectors.joining(", "));
            checks.add(new ValueCheck(v -> v + " IS NOT NULL AND " + v + " NOT IN (" + list + ")",
                    value -> "'" + value + "' is not a known " + column.name() + ". Use one of: "
                            + String.join(", ", column.allowedValues()) + "."));
        }
        switch (kind) {
            case FINANCIAL_YEAR -> checks.add(new ValueCheck(
                    v -> v + " IS NOT NULL AND NOT (regexp_full_match(" + v + ", '[0-9]{4}/[0-9]{2}') AND (CAST(substr("
                            + v + ", 1, 4) AS INTEGER) + 1) % 100 = CAST(substr(" + v + ", 6, 2) AS INTEGER))",
                    value -> "'" + value + "' is not a financial year. Write it like 2024/25 (April 2024 to March 2025)."));
            case MONEY -> addNumberChecks(checks, kind, 2, "0", null,
                    "Prices and costs cannot be below zero; correct the figure.");
            case FACTOR -> addNumberChecks(checks, kind, 4, "0.5", "2",
                    "A market forces factor lies between 0.5 and 2 (published values are about 0.90 to 1.25); correct it.");
            case SHARE -> addNumberChecks(checks, kind, 6, "0", "1",
                    "A share lies between 0 and 1; correct it.");
            case DATE -> checks.add(new ValueCheck(
                    v -> v + " IS NOT NULL AND (NOT regexp_full_match(" + v + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST("
                            + v + " AS DATE) IS NULL)",
                    value -> "'" + value + "' is not a date. Write " + kind.expected() + "."));
            case FLAG -> checks.add(new ValueCheck(v -> v + " IS NOT NULL AND " + v + " NOT IN ('Y', 'N')",
                    value -> "'" + value + "' is not a flag. Write Y or N."));
            case TEXT -> {
                // Any text is acceptable.
            }
        }
        return List.copyOf(checks);
    }

    private static void addNumberChecks(List<ValueCheck> checks, ColumnKind kind, int decimals, String minimum,
            String maximum, String outOfRange) {
        checks.add(new ValueCheck(
                v -> v + " IS NOT NULL AND TRY_CAST(" + v + " AS DECIMAL(38,10)) IS NULL",
                value -> "'" + value + "' is not a number. Write " + kind.expected() + " (digits and a decimal point only, no £ sign or commas)."));
        String number = "TRY_CAST(%s AS DECIMAL(38,10))";
        checks.add(new ValueCheck(
                v -> number.formatted(v) + " < 0",
                value -> "'" + value + "' is negative. " + outOfRange));
        checks.add(new ValueCheck(
                v -> number.formatted(v) + " < " + minimum + (maximum == null ? "" : " OR " + number.formatted(v) + " > " + maximum),
                value -> "'" + value + "' is out of range. " + outOfRange));
        checks.add(new ValueCheck(
                v -> v + " IS NOT NULL AND NOT regexp_full_match(" + v + ", '[0-9]+(\\.[0-9]{1," + decimals + "})?')",
                value -> "'" + value + "' has more than " + decimals + " decimal places or an unusual form. Write "
                        + kind.expected() + "."));
    }
}
