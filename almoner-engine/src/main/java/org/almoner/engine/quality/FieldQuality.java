package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

/**
 * The quality of one field in one source.
 *
 * @param field the column name
 * @param required whether a blank rejects the row
 * @param completeness rows with a value, of rows read
 * @param validity values that pass the field's validity rule, of values present
 * @param defaults values that are a known default ("not known" codes), of values present
 * @param rule the validity rule in words, or blank when the field has none
 */
public record FieldQuality(String field, boolean required, Measure completeness, Measure validity, Measure defaults, String rule) {

    public FieldQuality {
        requireNonNull(field, "field is null");
        requireNonNull(completeness, "completeness is null");
        requireNonNull(validity, "validity is null");
        requireNonNull(defaults, "defaults is null");
        requireNonNull(rule, "rule is null");
    }

    /** The worst rating among the field's measures. */
    public Rating worst() {
        Rating worst = Rating.GOOD;
        for (Measure measure : new Measure[] {completeness, validity, defaults}) {
            if (measure.rating() == Rating.POOR) {
                return Rating.POOR;
            }
            if (measure.rating() == Rating.NEEDS_ATTENTION) {
                worst = Rating.NEEDS_ATTENTION;
            }
        }
        return worst;
    }
}
