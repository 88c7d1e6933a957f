package org.almoner.platform.analysis;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A cohort in a financial year: its size and cost against the whole population, and how many groups the equality
 * check flags as under-represented relative to need (handbook 2019, 3.2.5).
 *
 * @param cohortId                 the cohort's id
 * @param name                     its name
 * @param financialYear            for example 2024/25
 * @param rule                     the rule that selects its members, in the definition file's words
 * @param people                   people in the cohort
 * @param percentOfPopulation      their share of the population that year
 * @param totalCost                their cost that year
 * @param averageCostPerPerson     cost per member, or null for an empty cohort
 * @param percentOfPopulationCost  their share of the population's cost
 * @param underRepresentedGroups   groups flagged
 */
public record CohortSummary(String cohortId, String name, String financialYear, String rule, long people, BigDecimal percentOfPopulation,
        BigDecimal totalCost, BigDecimal averageCostPerPerson, BigDecimal percentOfPopulationCost, long underRepresentedGroups) {

    public CohortSummary {
        requireNonNull(cohortId, "cohortId is null");
        requireNonNull(name, "name is null");
        requireNonNull(financialYear, "financialYear is null");
        requireNonNull(totalCost, "totalCost is null");
    }
}
