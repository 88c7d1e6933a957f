package org.almoner.platform.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Part of one of the analysis's tables, as a page shows it: columns in the engine's order with their headings,
 * rows already formatted, and how many rows the whole selection has (a page shows a page of them).
 *
 * @param columns   the columns
 * @param rows      the rows of this page
 * @param totalRows rows in the whole selection
 */
public record AnalysisTable(List<Column> columns, List<Row> rows, long totalRows) {

    public AnalysisTable {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /**
     * A column: the engine's name (as in its CSV file), a heading in words, and whether it holds numbers (right-aligned).
     */
    public record Column(String name, String heading, boolean numeric) {

        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(heading, "heading is null");
        }
    }

    /** A row: its cells as text, and whether it is flagged (for example an under-represented group). */
    public record Row(List<String> cells, boolean flagged) {

        public Row {
            cells = List.copyOf(requireNonNull(cells, "cells is null"));
        }
    }

    /** Whether the selection has no rows at all. */
    public boolean isEmpty() {
        return totalRows == 0;
    }
}
