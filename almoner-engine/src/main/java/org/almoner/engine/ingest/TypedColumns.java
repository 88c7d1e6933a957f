package org.almoner.engine.ingest;

import static org.almoner.engine.duckdb.DuckDb.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.format.Column;
import org.almoner.engine.format.ColumnType;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.format.Setting;
import org.almoner.engine.stages.SqlDialect;

/**
 * Writes the SQL that turns a file's text columns into typed columns and decides, per row, whether
 * it is rejected and why. Everything comes from the declarations in {@link InputFile}, so a column
 * added there is loaded, checked and reported without further code.
 *
 * <p>Rules: a required column that is blank or unreadable rejects the row. An optional column that
 * is unreadable becomes blank and is flagged ({@code <column>_invalid}) for the quality report. An
 * NHS number failing its check digit keeps the row, with {@code nhs_number_status} INVALID.
 */
final class TypedColumns {

    /** Separates the column from the reason in the single reject expression (cheaper than two). */
    static final String REJECT_SEPARATOR = "\u001f";

    static final List<String> UNIT_TYPES = List.of("spell", "bed_day", "attendance", "contact", "cluster_day",
            "consultation", "item", "hour", "day", "week", "session", "year");
    static final List<String> SEX_CODES = List.of("0", "1", "2", "9");
    static final List<String> CODE_SYSTEMS = List.of("ICD10", "SNOMED");

    private static final Map<String, String> DECIMAL_TYPES = Map.of("activation_score", "DECIMAL(5,1)");

    private TypedColumns() {
    }

    /** The SQL macro checking an NHS number's modulus 11 check digit, agreeing with {@code NhsNumber.isValid}. */
    static String nhsNumberMacro() {
        return "CREATE OR REPLACE MACRO almoner_nhs_number_valid(n) AS " + SqlDialect.DUCKDB.nhsNumberCheck("n");
    }

    /**
     * Wraps a source of text columns so that each NHS number is normalised and checked once per row,
     * not once for each column derived from it.
     */
    static String prepared(InputFile file, String source) {
        return prepared(file, source, SqlDialect.DUCKDB);
    }

    static String prepared(InputFile file, String source, SqlDialect dialect) {
        StringBuilder extra = new StringBuilder();
        for (Column column : file.columns()) {
            if (column.type() == ColumnType.NHS_NUMBER) {
                String digits = "nullif(replace(replace(trim(" + identifier(column.name()) + "), ' ', ''), '-', ''), '')";
                extra.append(", ").append(digits).append(" AS ").append(identifier("__" + column.name() + "_digits"))
                        .append(", ").append(dialect.nhsNumberValid(digits)).append(" AS ")
                        .append(identifier("__" + column.name() + "_valid"));
            }
        }
        return "(SELECT *" + extra + " FROM " + source + ")";
    }

    /** The select list giving typed columns, invalid flags and the reject reason from raw text columns. */
    static String selectList(InputFile file) {
        List<String> items = new ArrayList<>();
        for (Column column : file.columns()) {
            items.addAll(typed(column));
        }
        items.add(rejectExpression(file) + " AS reject");
        return String.join(",\n       ", items);
    }

    /** Names of the columns the select list gives, in order. */
    static List<String> selectedNames(InputFile file) {
        List<String> names = new ArrayList<>();
        for (Column column : file.columns()) {
            names.add(column.name());
            if (column.type() == ColumnType.NHS_NUMBER) {
                names.add(column.name() + "_status");
            }
            if (!column.required() && hasInvalidFlag(column.type())) {
                names.add(column.name() + "_invalid");
            }
        }
        names.add("reject");
        return names;
    }

    /** Names of the invalid-flag columns the select list adds, for the quality report. */
    static List<String> invalidFlags(InputFile file) {
        return file.columns().stream()
                .filter(column -> !column.required() && hasInvalidFlag(column.type()))
                .map(column -> column.name() + "_invalid")
                .toList();
    }

    private static boolean hasInvalidFlag(ColumnType type) {
        return switch (type) {
            case DATE, INTEGER, DECIMAL, MONEY, FLAG -> true;
            case TEXT, CODE, NHS_NUMBER -> false;
        };
    }

    private static List<String> typed(Column column) {
        String name = column.name();
        String text = text(name);
        List<String> items = new ArrayList<>();
        switch (column.type()) {
            case TEXT, CODE -> items.add(text + " AS " + identifier(name));
            case NHS_NUMBER -> {
                String digits = identifier("__" + name + "_digits");
                String valid = identifier("__" + name + "_valid");
                items.add("CASE WHEN " + valid + " THEN " + digits + " END AS " + identifier(name));
                items.add("CASE WHEN " + digits + " IS NULL THEN 'MISSING' WHEN " + valid + " THEN 'VALID' ELSE 'INVALID' END AS "
                        + identifier(name + "_status"));
            }
            default -> items.add(typedValue(column) + " AS " + identifier(name));
        }
        if (!column.required() && hasInvalidFlag(column.type())) {
            items.add("(" + text + " IS NOT NULL AND " + typedValue(column) + " IS NULL) AS " + identifier(name + "_invalid"));
        }
        return items;
    }

    private static String typedValue(Column column) {
        String text = text(column.name());
        return switch (column.type()) {
            case DATE -> "TRY_CAST(" + text + " AS DATE)";
            case INTEGER -> "TRY_CAST(" + text + " AS INTEGER)";
            case DECIMAL -> "TRY_CAST(" + text + " AS " + DECIMAL_TYPES.getOrDefault(column.name(), "DECIMAL(18,4)") + ")";
            case MONEY -> "TRY_CAST(" + text + " AS DECIMAL(18,2))";
            case FLAG -> "CASE upper(" + text + ") WHEN 'Y' THEN true WHEN 'N' THEN false WHEN 'TRUE' THEN true"
                    + " WHEN 'FALSE' THEN false END";
            case TEXT, CODE, NHS_NUMBER -> text;
        };
    }

    private static String text(String name) {
        return "nullif(trim(" + identifier(name) + "), '')";
    }

    /**
     * One CASE giving 'column' + separator + reason for the first rule a row breaks, or NULL.
     * Reasons say what is wrong and what a valid value looks like.
     */
    static String rejectExpression(InputFile file) {
        List<String> rules = new ArrayList<>();
        for (Column column : file.columns()) {
            if (!column.required()) {
                continue;
            }
            String name = column.name();
            String text = text(name);
            rules.add("WHEN " + text + " IS NULL THEN " + reason(name, "'" + name + " is blank; every row needs one'"));
            String shown = "'''' || left(" + text + ", 60) || ''''";
            switch (column.type()) {
                case DATE -> rules.add("WHEN " + typedValue(column) + " IS NULL THEN "
                        + reason(name, shown + " || ' is not a date; write dates as YYYY-MM-DD'"));
                case DECIMAL, MONEY, INTEGER -> rules.add("WHEN " + typedValue(column) + " IS NULL THEN "
                        + reason(name, shown + " || ' is not a number; write numbers like 12.5, without units or commas'"));
                default -> {
                }
            }
        }
        switch (file) {
            case PEOPLE -> rules.add(codeRule("sex", SEX_CODES, "1 male, 2 female, 9 not specified, 0 not known"));
            case DIAGNOSES -> rules.add(codeRule("code_system", CODE_SYSTEMS, "ICD10 or SNOMED"));
            case ACTIVITY -> {
                List<String> settings = Stream.of(Setting.values()).map(Setting::code).toList();
                rules.add(codeRule("setting", settings, String.join(", ", settings)));
                rules.add(codeRule("unit_type", UNIT_TYPES, String.join(", ", UNIT_TYPES)));
                rules.add("WHEN TRY_CAST(" + text("units") + " AS DECIMAL(18,4)) <= 0 THEN "
                        + reason("units", "'units must be more than zero, not ' || " + text("units")));
                rules.add("WHEN TRY_CAST(" + text("end_date") + " AS DATE) < TRY_CAST(" + text("start_date") + " AS DATE) THEN "
                        + reason("end_date", "'end_date ' || " + text("end_date") + " || ' is before start_date ' || "
                                + text("start_date") + " || '; check which is wrong'"));
            }
            case CONDITION_REGISTERS -> {
            }
        }
        return "CASE " + String.join("\n            ", rules) + " END";
    }

    private static String codeRule(String column, List<String> allowed, String allowedText) {
        String list = allowed.stream().map(code -> "'" + code + "'").collect(Collectors.joining(", "));
        return "WHEN " + text(column) + " NOT IN (" + list + ") THEN "
                + reason(column, "'''' || left(" + text(column) + ", 60) || ''' is not a known " + column + "; use one of: "
                        + allowedText.replace("'", "''") + "'");
    }

    private static String reason(String column, String reasonSql) {
        return "'" + column + REJECT_SEPARATOR + "' || " + reasonSql;
    }
}
