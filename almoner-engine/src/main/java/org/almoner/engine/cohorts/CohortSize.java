package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

/**
 * How many people a cohort holds in a financial year.
 *
 * @param cohortId      the cohort's id
 * @param name          the cohort's name
 * @param financialYear for example 2024/25
 * @param people        people in the cohort that year
 */
public record CohortSize(String cohortId, String name, String financialYear, long people) {

    public CohortSize {
        requireNonNull(cohortId, "cohortId is null");
        requireNonNull(name, "name is null");
        requireNonNull(financialYear, "financialYear is null");
    }
}
