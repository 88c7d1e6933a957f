-- Cohort membership, sizes, cost by setting and provider, and the equality breakdown.
-- Needs person_year_risk, pipeline_activity, provider_names, cohort_definitions and cohort_rule_dimensions; Cohorts
-- fills in the member selection (one SELECT per cohort, joined by UNION ALL) and the need rule. Statements are
-- separated by a line holding only a semicolon. DuckDB and Spark SQL both run this file: shares and ratios are
-- quotient(a, b, scale), exact decimals the dialect spells, and the under-representation test compares products
-- of whole numbers, so no figure or flag depends on an engine's floating point.
CREATE OR REPLACE TABLE cohort_members AS
${members}
;
CREATE OR REPLACE TEMP TABLE person_year_need AS
SELECT person_pseudonym, financial_year, age_band, sex, ethnicity, deprivation_decile, coalesce(${need_rule}, false) AS in_need
FROM person_year_risk
;
CREATE OR REPLACE TABLE cohort_summary AS
WITH population AS (
    SELECT financial_year, count(*) AS population, sum(total_cost) AS population_cost FROM person_year_risk GROUP BY financial_year),
sizes AS (
    SELECT m.cohort_id, m.financial_year, count(*) AS people, sum(r.total_cost) AS total_cost,
           count(*) FILTER (WHERE r.uncosted_rows > 0) AS people_with_uncosted_activity
    FROM cohort_members m JOIN person_year_risk r USING (person_pseudonym, financial_year)
    GROUP BY m.cohort_id, m.financial_year)
SELECT d.cohort_id, d.cohort_name, p.financial_year, coalesce(s.people, 0) AS people, p.population,
       ${quotient(100 * coalesce(s.people, 0) | p.population | 2)} AS percent_of_population,
       coalesce(s.total_cost, 0)::DECIMAL(18,2) AS total_cost,
       CASE WHEN s.people > 0 THEN ${quotient(s.total_cost | s.people | 2)} END AS average_cost_per_person,
       CASE WHEN p.population_cost <> 0 THEN ${quotient(100 * coalesce(s.total_cost, 0) | p.population_cost | 2)} END
           AS percent_of_population_cost,
       coalesce(s.people_with_uncosted_activity, 0) AS people_with_uncosted_activity,
       d.rule, d.source, d.definitions_version
FROM cohort_definitions d CROSS JOIN population p
LEFT JOIN sizes s ON s.cohort_id = d.cohort_id AND s.financial_year = p.financial_year
ORDER BY d.position, p.financial_year
;
-- Activity is summed per person, year, setting and provider before it meets the cohorts: a person in several cohorts
-- then joins a few rows, not every prescription and appointment once per cohort. Sums of decimals are exact, so the
-- figures are the same as summing the activity rows directly.
CREATE OR REPLACE TEMP TABLE person_provider_use AS
SELECT a.person_pseudonym, a.financial_year, a.setting, a.provider_code, count(*) AS activity_rows, sum(a.units) AS units,
       sum(coalesce(a.cost, 0)) AS cost, count(*) FILTER (WHERE a.cost IS NULL) AS uncosted_rows
FROM pipeline_activity a
WHERE a.person_pseudonym IN (SELECT person_pseudonym FROM cohort_members)
GROUP BY ALL
;
CREATE OR REPLACE TABLE cohort_cost_by_provider AS
SELECT m.cohort_id, m.financial_year, a.setting, a.provider_code, coalesce(n.name, 'not in providers.csv') AS provider_name,
       count(DISTINCT a.person_pseudonym) AS people_using, sum(a.activity_rows) AS activity_rows,
       sum(a.units)::DECIMAL(18,2) AS units, sum(a.cost)::DECIMAL(18,2) AS cost,
       sum(a.uncosted_rows) AS uncosted_rows
FROM cohort_members m
JOIN person_provider_use a ON a.person_pseudonym = m.person_pseudonym AND a.financial_year = m.financial_year
LEFT JOIN provider_names n ON n.provider_code = a.provider_code
GROUP BY ALL
ORDER BY m.cohort_id, m.financial_year, cost DESC
;
CREATE OR REPLACE TABLE cohort_equality AS
WITH grouped AS (
    SELECT person_pseudonym, financial_year, in_need, 'age_band' AS dimension, age_band AS population_group FROM person_year_need
    UNION ALL
    SELECT person_pseudonym, financial_year, in_need, 'sex', coalesce(sex, 'not known') FROM person_year_need
    UNION ALL
    SELECT person_pseudonym, financial_year, in_need, 'ethnicity', coalesce(nullif(ethnicity, ''), 'not known') FROM person_year_need
    UNION ALL
    SELECT person_pseudonym, financial_year, in_need, 'deprivation_decile', coalesce(CAST(deprivation_decile AS STRING), 'not known')
    FROM person_year_need),
population AS (
    SELECT financial_year, dimension, population_group, count(*) AS population_people,
           count(*) FILTER (WHERE in_need) AS in_need_people
    FROM grouped GROUP BY ALL),
in_cohort AS (
    SELECT m.cohort_id, g.financial_year, g.dimension, g.population_group, count(*) AS cohort_people
    FROM cohort_members m JOIN grouped g USING (person_pseudonym, financial_year) GROUP BY ALL),
joined AS (
    SELECT d.cohort_id, d.position, rd.dimension IS NOT NULL AS selected_by_rule, p.financial_year, p.dimension, p.population_group, coalesce(c.cohort_people, 0) AS cohort_people,
           p.population_people, p.in_need_people,
           sum(coalesce(c.cohort_people, 0)) OVER (PARTITION BY d.cohort_id, p.financial_year, p.dimension) AS cohort_total,
           sum(p.population_people) OVER (PARTITION BY d.cohort_id, p.financial_year, p.dimension) AS population_total,
           sum(p.in_need_people) OVER (PARTITION BY d.cohort_id, p.financial_year, p.dimension) AS in_need_total
    FROM cohort_definitions d CROSS JOIN population p
    LEFT JOIN cohort_rule_dimensions rd ON rd.cohort_id = d.cohort_id AND rd.dimension = p.dimension
    LEFT JOIN in_cohort c ON c.cohort_id = d.cohort_id AND c.financial_year = p.financial_year
         AND c.dimension = p.dimension AND c.population_group = p.population_group)
SELECT cohort_id, financial_year, dimension, population_group, cohort_people,
       CASE WHEN cohort_total > 0 THEN ${quotient(100 * cohort_people | cohort_total | 2)} END AS percent_of_cohort,
       population_people,
       CASE WHEN population_total > 0 THEN ${quotient(100 * population_people | population_total | 2)} END AS percent_of_population,
       in_need_people,
       CASE WHEN in_need_total > 0 THEN ${quotient(100 * in_need_people | in_need_total | 2)} END AS percent_of_people_in_need,
       -- (cohort share) / (share of those in need), as one exact quotient.
       CASE WHEN cohort_total > 0 AND in_need_people > 0
            THEN ${quotient(cohort_people * in_need_total | cohort_total * in_need_people | 2)} END AS representation_ratio,
       NOT selected_by_rule AS judged,
       -- cohort_people / cohort_total < k * in_need_people / in_need_total, multiplied out (both totals positive).
       coalesce(NOT selected_by_rule AND cohort_total > 0 AND in_need_total > 0 AND in_need_people >= ${minimum_people}
           AND cohort_people * in_need_total < ${under_represented_below} * in_need_people * cohort_total, false)
           AS under_represented
FROM joined
ORDER BY position, financial_year, dimension, population_group
