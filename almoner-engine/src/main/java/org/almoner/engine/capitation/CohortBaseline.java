package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A cohort's baseline capitation (IPC prospectus annex one, stage 2): its average annual cost per
 * person in the base year, and that amount uplifted to the payment year.
 *
 * @param cohort the cohort's name
 * @param people people in the cohort in the base year
 * @param baseYearCost their total cost in the base year
 * @param baselinePerPerson base year cost per person, to the penny
 * @param paymentPerPerson the baseline uplifted to the payment year, to the penny
 */
public record CohortBaseline(String cohort, long people, BigDecimal baseYearCost, BigDecimal baselinePerPerson,
        BigDecimal paymentPerPerson) {

    public CohortBaseline {
        requireNonNull(cohort, "cohort is null");
        requireNonNull(baseYearCost, "baseYearCost is null");
        requireNonNull(baselinePerPerson, "baselinePerPerson is null");
        requireNonNull(paymentPerPerson, "paymentPerPerson is null");
        if (people <= 0) {
            throw new IllegalArgumentException("a baseline needs people, got " + people);
        }
    }
}
