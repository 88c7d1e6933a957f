/**
 * Cohorts declared, not coded: a readable YAML file of rules over the person-level fields of risk stratification
 * ("ltc_count >= 4 and age_at_year_start >= 75"), turned into cohort membership per person and year, with each
 * cohort's size, cost by setting and provider, and an equality breakdown against the population in need
 * (handbook 2019, 3.2).
 *
 * <p>{@link org.almoner.engine.cohorts.CohortRule} parses one rule into safe SQL, checking every field and value
 * against the stratification table; {@link org.almoner.engine.cohorts.CohortDefinitions} reads the file, naming the
 * line of anything wrong; {@link org.almoner.engine.cohorts.Cohorts} writes the outputs; {@link
 * org.almoner.engine.cohorts.CohortCommand} is {@code almoner cohort}. The membership file {@code
 * cohort_members.parquet} (person_pseudonym, financial_year, cohort_id) is the contract other capabilities (such as
 * capitation) read.
 */
package org.almoner.engine.cohorts;
