package org.almoner.engine.reference.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One column of a reference data file.
 *
 * @param name the header name
 * @param kind what it holds
 * @param required whether a blank value is an error
 * @param allowedValues the only values accepted, or empty for any value of the kind
 */
public record ReferenceColumn(String name, ColumnKind kind, boolean required, List<String> allowedValues) {

    public ReferenceColumn {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    }

    static ReferenceColumn required(String name, ColumnKind kind) {
        return new ReferenceColumn(name, kind, true, List.of());
    }

    static ReferenceColumn optional(String name, ColumnKind kind) {
        return new ReferenceColumn(name, kind, false, List.of());
    }

    static ReferenceColumn oneOf(String name, boolean required, List<String> allowedValues) {
        return new ReferenceColumn(name, ColumnKind.TEXT, required, allowedValues);
    }
}
