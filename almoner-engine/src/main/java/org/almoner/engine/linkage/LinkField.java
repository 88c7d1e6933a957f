package org.almoner.engine.linkage;

import java.util.List;

/**
 * The identity fields probabilistic linkage compares, each with its graded comparison levels, best
 * first. Level {@code i} of a field is what {@code comparison-levels.sql} returns as {@code i}; a blank
 * on either side is level -1 and adds no weight.
 */
public enum LinkField {
    GIVEN_NAME("given_name", List.of("exact", "nickname of the same name", "Jaro-Winkler at least 0.92",
            "Jaro-Winkler at least 0.80", "different"), true),
    FAMILY_NAME("family_name", List.of("exact", "one edit apart (Damerau-Levenshtein 1)", "Jaro-Winkler at least 0.88",
            "different"), true),
    DATE_OF_BIRTH("date_of_birth", List.of("exact", "day and month transposed",
            "off by one (one digit, one day or one year)", "same year", "different"), false),
    POSTCODE("postcode", List.of("exact", "same sector", "same district", "different"), false),
    SEX("sex", List.of("same", "different"), false);

    private final String column;
    private final List<String> levels;
    private final boolean termFrequencyAdjusted;

    LinkField(String column, List<String> levels, boolean termFrequencyAdjusted) {
        this.column = column;
        this.levels = levels;
        this.termFrequencyAdjusted = termFrequencyAdjusted;
    }

    /** The field's name in mapping files and output columns, for example {@code date_of_birth}. */
    public String column() {
        return column;
    }

    /** Labels of the comparison levels, best first. */
    public List<String> levels() {
        return levels;
    }

    /**
     * Whether an exact agreement is weighted by how common the value is (a rare surname counts for
     * more than a common one).
     */
    public boolean termFrequencyAdjusted() {
        return termFrequencyAdjusted;
    }

    /** The field named {@code column}, or null when there is none. */
    public static LinkField byColumn(String column) {
        for (LinkField field : values()) {
            if (field.column.equals(column)) {
                return field;
            }
        }
        return null;
    }
}
