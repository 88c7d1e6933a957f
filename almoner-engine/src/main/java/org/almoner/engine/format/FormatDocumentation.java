package org.almoner.engine.format;

import java.util.stream.Collectors;

/**
 * The column tables of docs/formats.md, written from the declarations in {@link InputFile}, so the
 * documentation cannot drift from what the engine reads (a test compares them).
 */
public final class FormatDocumentation {

    private FormatDocumentation() {
    }

    /** The markdown table of one file's columns. */
    public static String columnTable(InputFile file) {
        String rows = file.columns().stream()
                .map(column -> "| `%s` | %s | %s | %s |".formatted(column.name(), typeName(column.type()),
                        column.required() ? "yes" : "no", column.description().replace("|", "\\|")))
                .collect(Collectors.joining("\n"));
        return "| column | type | required | what it holds |\n| --- | --- | --- | --- |\n" + rows + "\n";
    }

    private static String typeName(ColumnType type) {
        return switch (type) {
            case TEXT -> "text";
            case CODE -> "code";
            case NHS_NUMBER -> "NHS number";
            case DATE -> "date (YYYY-MM-DD)";
            case INTEGER -> "whole number";
            case DECIMAL -> "decimal";
            case MONEY -> "money (pounds, 2 dp)";
            case FLAG -> "flag (Y/N)";
        };
    }
}
