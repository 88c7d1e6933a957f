package org.almoner.engine.format;

import static java.util.Objects.requireNonNull;

/**
 * One column of an input file.
 *
 * @param name the header text, lower snake case
 * @param type what text is valid
 * @param required whether a blank value rejects the row
 * @param description what the column holds, for docs and error messages
 */
public record Column(String name, ColumnType type, boolean required, String description) {

    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be lower snake case: " + name);
        }
    }

    static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, true, description);
    }

    static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, false, description);
    }
}
