package org.almoner.engine.capitation;

/**
 * What the complexity adjustment may use to explain a person's annual cost (IPC prospectus annex one,
 * stage 4: "linked to patient complexity and/or activation"). Each is a column of the person-year
 * table built by {@code population.sql}, 1 or 0 except the condition count.
 */
public enum Covariate {
    AGE_UNDER_18("age_under_18", "for a child or young person under 18"),
    AGE_65_TO_74("age_65_to_74", "for a person aged 65 to 74"),
    AGE_75_TO_84("age_75_to_84", "for a person aged 75 to 84"),
    AGE_85_AND_OVER("age_85_and_over", "for a person aged 85 or over"),
    FEMALE("female", "for a woman or girl"),
    CONDITION_COUNT("condition_count", "for each long-term condition on a GP register"),
    FRAIL("frail", "for a person aged 65 or over with frailty (dementia, a fall or hip fracture, a care home, or four or more conditions)"),
    MOST_DEPRIVED_FIFTH("most_deprived_fifth", "for a person living in the most deprived fifth of areas (IMD deciles 1 and 2)"),
    LOW_ACTIVATION("low_activation", "for a person whose activation score is at level 1 or 2 (55.1 or below)"),
    ACTIVATION_NOT_MEASURED("activation_not_measured", "for a person whose activation has not been measured");

    private final String column;
    private final String words;

    Covariate(String column, String words) {
        this.column = column;
        this.words = words;
    }

    /** The column name in the person-year table and in the coefficients file. */
    public String column() {
        return column;
    }

    /** When the coefficient applies, in plain words. */
    public String words() {
        return words;
    }

    /** The plain words for a column name, or the name itself when it is not a known covariate. */
    public static String wordsFor(String column) {
        for (Covariate covariate : values()) {
            if (covariate.column.equals(column)) {
                return covariate.words;
            }
        }
        return "for each unit of " + column;
    }
}
