-- Person-level statements of resources, indicative budgets and the double-funding cross-check, for the people in
-- statement_people (cohort members, or everyone for the API). Needs person_year_risk, pipeline_activity, provider_names,
-- treatment_functions, needs_assessments and statement_services; StatementTables fills in the base and previous years,
-- the band and adjustment rules and the rules version. Statements are separated by a line holding only a semicolon.
-- DuckDB and Spark SQL both run this file; the engines' spellings differ only for sorted_distinct(x) (the distinct
-- values as sorted text) and quotient(a, b, scale) (a / b as an exact decimal rounded half up to scale places:
-- DuckDB divides decimals as doubles, Spark as decimals, so the division is the dialect's, never the engine's own).
-- Ties are broken by value, so both engines pick the same unit of measure.
-- Activity is summed to one row per person, year, provider, service, costing method and unit first: far fewer rows
-- than activity (a year of prescriptions becomes a few rows), and every later step needs only these sums.
CREATE OR REPLACE TABLE activity_grouped AS
SELECT person_pseudonym, financial_year, setting, service_code, provider_code, costing_method, unit_type,
       sum(units) AS units, sum(coalesce(cost, 0)) AS cost, count(*) AS activity_rows,
       count(*) FILTER (WHERE cost IS NULL) AS uncosted_rows,
       min(start_date) AS first_date, max(coalesce(end_date, start_date)) AS last_date
FROM pipeline_activity
WHERE person_pseudonym IN (SELECT person_pseudonym FROM statement_people) AND financial_year IN (${base_year}, ${previous_year})
GROUP BY ALL
;
CREATE OR REPLACE TABLE activity_services AS
SELECT a.*,
       coalesce(e.purpose, w.purpose, 'Not in the local statement rules') AS purpose,
       coalesce(e.funder, w.funder, CASE a.setting WHEN 'social_care' THEN 'SOCIAL_CARE' WHEN 'education' THEN 'EDUCATION' ELSE 'NHS' END) AS funder,
       coalesce(e.include_in_budget, w.include_in_budget, false) AS include_in_budget,
       coalesce(e.when_included, w.when_included, 'not decided: add this service to the statement rules') AS when_included,
       coalesce(e.need_met, w.need_met, '') AS need_met,
       -- The unit of the most activity rows names the line's unit (the first by name on a tie).
       row_number() OVER (PARTITION BY a.person_pseudonym, a.financial_year, a.provider_code, a.setting, a.service_code
                          ORDER BY a.activity_rows DESC, a.unit_type NULLS LAST) AS unit_rank
FROM activity_grouped a
LEFT JOIN statement_services e ON e.setting = a.setting AND e.service_code = a.service_code
LEFT JOIN statement_services w ON w.setting = a.setting AND w.service_code = '*'
;
CREATE OR REPLACE TABLE person_statement_lines AS
SELECT s.person_pseudonym, s.financial_year, s.provider_code, coalesce(any_value(n.name), s.provider_code) AS provider_name,
       s.setting, s.service_code AS service,
       coalesce(any_value(t.name), upper(left(s.service_code, 1)) || lower(replace(substr(s.service_code, 2), '_', ' '))) AS service_name,
       s.purpose AS what_the_service_is_for, s.funder, s.need_met,
       s.include_in_budget, s.when_included,
       -- Sorted, so a line with two costing methods reads the same every run.
       ${sorted_distinct(CASE s.costing_method
           WHEN 'TARIFF' THEN 'national tariff price x market forces factor'
           WHEN 'REFERENCE_COST' THEN 'national reference cost'
           WHEN 'LOCAL_COST' THEN 'local cost (contract, package or invoice)'
           WHEN 'UNIT_COST' THEN 'PSSRU unit cost'
           WHEN 'UNCOSTED' THEN 'no cost available'
           ELSE lower(coalesce(s.costing_method, 'not recorded')) END)} AS how_cost_is_calculated,
       min(CASE WHEN s.unit_rank = 1 THEN s.unit_type END) AS unit_type, sum(s.activity_rows) AS activity_rows,
       sum(s.units)::DECIMAL(18,2) AS units_per_year,
       CASE WHEN sum(s.units) > 0 THEN ${quotient(sum(s.cost) | sum(s.units) | 2)} END AS cost_per_unit,
       sum(s.cost)::DECIMAL(18,2) AS cost_per_year,
       CASE WHEN s.include_in_budget THEN sum(s.cost)::DECIMAL(18,2) END AS cost_in_budget,
       sum(s.uncosted_rows) AS uncosted_rows
FROM activity_services s LEFT JOIN provider_names n ON n.provider_code = s.provider_code
LEFT JOIN treatment_functions t ON t.treatment_function_code = s.service_code
WHERE s.financial_year = ${base_year}
GROUP BY s.person_pseudonym, s.financial_year, s.provider_code, s.setting, s.service_code, s.purpose, s.funder, s.need_met,
         s.include_in_budget, s.when_included
;
CREATE OR REPLACE TABLE person_year_costs AS
SELECT person_pseudonym, financial_year,
       coalesce(sum(cost) FILTER (WHERE include_in_budget), 0) AS includable,
       coalesce(sum(cost) FILTER (WHERE include_in_budget AND funder = 'NHS'), 0) AS includable_nhs,
       coalesce(sum(cost) FILTER (WHERE include_in_budget AND funder = 'SOCIAL_CARE'), 0) AS includable_social_care,
       coalesce(sum(cost) FILTER (WHERE include_in_budget AND funder = 'EDUCATION'), 0) AS includable_education,
       sum(cost) AS all_cost
FROM activity_services GROUP BY person_pseudonym, financial_year
;
CREATE OR REPLACE TABLE double_funding_spans AS
SELECT person_pseudonym, financial_year, need_met, funder, min(first_date) AS first_date, max(last_date) AS last_date,
       sum(cost) AS cost, ${sorted_distinct(setting || '/' || service_code)} AS services
FROM activity_services WHERE need_met <> '' AND financial_year = ${base_year}
GROUP BY person_pseudonym, financial_year, need_met, funder
;
CREATE OR REPLACE TABLE double_funding AS
SELECT a.person_pseudonym, a.financial_year, a.need_met,
       a.funder AS first_funder, a.services AS first_services, a.cost::DECIMAL(18,2) AS first_cost,
       b.funder AS second_funder, b.services AS second_services, b.cost::DECIMAL(18,2) AS second_cost,
       greatest(a.first_date, b.first_date) AS overlap_from, least(a.last_date, b.last_date) AS overlap_to,
       least(a.cost, b.cost)::DECIMAL(18,2) AS amount_possibly_funded_twice
FROM double_funding_spans a
JOIN double_funding_spans b ON a.person_pseudonym = b.person_pseudonym AND a.need_met = b.need_met AND a.funder < b.funder
WHERE a.first_date <= b.last_date AND b.first_date <= a.last_date
;
CREATE OR REPLACE TABLE indicative_budgets AS
WITH people AS (
    SELECT r.person_pseudonym, r.financial_year, r.age_band, r.ltc_count,
           ${need_band_case} AS need_band,
           -- A recorded needs assessment takes the place of the rules' stand-in for it.
           na.trajectory AS assessed_trajectory, na.adjustment_percent AS assessed_percent, na.assessed_on,
           CASE WHEN na.trajectory IS NOT NULL THEN na.trajectory = 'deteriorating'
                ELSE coalesce(${deteriorating_rule}, false) END AS deteriorating,
           coalesce(na.trajectory = 'improving', false) AS improving,
           q.person_pseudonym IS NOT NULL AS known_previous_year
    FROM person_year_risk r
    LEFT JOIN needs_assessments na ON na.person_pseudonym = r.person_pseudonym
    LEFT JOIN (SELECT DISTINCT person_pseudonym FROM person_year_risk WHERE financial_year = ${previous_year}) q
        ON q.person_pseudonym = r.person_pseudonym
    WHERE r.financial_year = ${base_year} AND r.person_pseudonym IN (SELECT person_pseudonym FROM statement_people)),
costs AS (
    SELECT p.*,
           coalesce(c.includable, 0)::DECIMAL(18,2) AS includable_this_year,
           CASE WHEN p.known_previous_year THEN coalesce(pc.includable, 0)::DECIMAL(18,2) END AS includable_previous_year,
           coalesce(c.includable_nhs, 0) AS includable_nhs, coalesce(c.includable_social_care, 0) AS includable_social_care,
           coalesce(c.includable_education, 0) AS includable_education,
           coalesce(c.all_cost, 0)::DECIMAL(18,2) AS cost_of_current_care
    FROM people p
    LEFT JOIN person_year_costs c ON c.person_pseudonym = p.person_pseudonym AND c.financial_year = ${base_year}
    LEFT JOIN person_year_costs pc ON pc.person_pseudonym = p.person_pseudonym AND pc.financial_year = ${previous_year}),
fluctuation AS (
    SELECT *, CASE WHEN assessed_trajectory IS NOT NULL
                   THEN assessed_trajectory = 'fluctuating' AND includable_previous_year IS NOT NULL
                   ELSE coalesce(includable_this_year > 0 AND includable_previous_year > 0
                        AND abs(includable_this_year - includable_previous_year) * 100
                            > ${fluctuation_percent} * least(includable_this_year, includable_previous_year), false) END AS fluctuating
    FROM costs),
blended AS (
    SELECT *, CASE WHEN fluctuating THEN ${quotient(includable_this_year + includable_previous_year | 2 | 2)}
                   ELSE includable_this_year END AS blended_cost
    FROM fluctuation),
adjusted AS (
    SELECT *, CASE WHEN deteriorating THEN coalesce(assessed_percent, ${deteriorating_percent})
                   WHEN improving THEN -assessed_percent ELSE 0 END::DECIMAL(6,2) AS adjustment_percent
    FROM blended),
adjusted_amount AS (
    SELECT *, ${quotient(blended_cost * adjustment_percent | 100 | 2)} AS needs_adjustment FROM adjusted),
capped AS (
    SELECT *, (blended_cost + needs_adjustment)::DECIMAL(18,2) AS budget_before_cap,
           least(blended_cost + needs_adjustment, cost_of_current_care)::DECIMAL(18,2) AS indicative_budget
    FROM adjusted_amount),
shares AS (
    SELECT *,
           CASE WHEN includable_this_year > 0 THEN ${quotient(indicative_budget * includable_nhs | includable_this_year | 2)} ELSE 0 END AS nhs_raw,
           CASE WHEN includable_this_year > 0 THEN ${quotient(indicative_budget * includable_social_care | includable_this_year | 2)} ELSE 0 END AS social_care_raw,
           CASE WHEN includable_this_year > 0 THEN ${quotient(indicative_budget * includable_education | includable_this_year | 2)} ELSE 0 END AS education_raw
    FROM capped)
SELECT s.person_pseudonym, s.financial_year AS base_year, s.age_band, s.need_band,
       CASE WHEN s.deteriorating AND s.fluctuating THEN 'deteriorating and fluctuating' WHEN s.deteriorating THEN 'deteriorating'
            WHEN s.improving AND s.fluctuating THEN 'improving and fluctuating' WHEN s.improving THEN 'improving'
            WHEN s.fluctuating THEN 'fluctuating' ELSE 'stable' END AS trajectory,
       s.deteriorating, s.fluctuating,
       CASE WHEN s.assessed_trajectory IS NOT NULL
            THEN 'needs assessment' || coalesce(' of ' || CAST(s.assessed_on AS STRING), '')
            ELSE 'statement rules' END AS trajectory_from,
       s.includable_this_year, s.includable_previous_year, s.blended_cost,
       s.adjustment_percent,
       s.needs_adjustment, s.budget_before_cap, s.cost_of_current_care,
       s.budget_before_cap > s.cost_of_current_care AS capped_at_cost_of_current_care,
       s.indicative_budget,
       (s.nhs_raw + CASE WHEN s.includable_nhs >= greatest(s.includable_social_care, s.includable_education)
            THEN s.indicative_budget - s.nhs_raw - s.social_care_raw - s.education_raw ELSE 0 END)::DECIMAL(18,2) AS nhs_contribution,
       (s.social_care_raw + CASE WHEN s.includable_social_care > s.includable_nhs AND s.includable_social_care >= s.includable_education
            THEN s.indicative_budget - s.nhs_raw - s.social_care_raw - s.education_raw ELSE 0 END)::DECIMAL(18,2) AS social_care_contribution,
       (s.education_raw + CASE WHEN s.includable_education > s.includable_nhs AND s.includable_education > s.includable_social_care
            THEN s.indicative_budget - s.nhs_raw - s.social_care_raw - s.education_raw ELSE 0 END)::DECIMAL(18,2) AS education_contribution,
       coalesce(d.spans, 0) AS possible_double_funding,
       ${rules_version} AS rules_version
FROM shares s
LEFT JOIN (SELECT person_pseudonym, count(*) AS spans FROM double_funding GROUP BY person_pseudonym) d
    ON d.person_pseudonym = s.person_pseudonym
;
CREATE OR REPLACE TABLE system_statement AS
WITH members AS (
    SELECT m.cohort_id, b.person_pseudonym, b.need_band, b.deteriorating, b.adjustment_percent
    FROM statement_cohort_members m JOIN indicative_budgets b ON b.person_pseudonym = m.person_pseudonym
    WHERE m.financial_year = ${base_year}),
member_lines AS (
    SELECT m.cohort_id, m.need_band, m.adjustment_percent, l.*,
           count(*) OVER (PARTITION BY m.cohort_id, m.need_band, l.provider_code, l.setting, l.service, l.unit_type) AS unit_users
    FROM members m JOIN person_statement_lines l ON l.person_pseudonym = m.person_pseudonym),
ranked_lines AS (
    -- The unit most of the band's users' lines are in names the line's unit (the first by name on a tie).
    SELECT *, rank() OVER (PARTITION BY cohort_id, need_band, provider_code, setting, service
                           ORDER BY unit_type IS NULL, unit_users DESC, unit_type) AS unit_rank
    FROM member_lines),
band_sizes AS (
    SELECT cohort_id, need_band, count(*) AS people_in_band, count(*) FILTER (WHERE deteriorating) AS deteriorating_people
    FROM members GROUP BY cohort_id, need_band),
lines AS (
    SELECT l.cohort_id, l.need_band, l.provider_code, any_value(l.provider_name) AS provider_name, l.setting, l.service,
           any_value(l.service_name) AS service_name,
           any_value(l.what_the_service_is_for) AS what_the_service_is_for, any_value(l.funder) AS funder,
           bool_or(l.include_in_budget) AS include_in_budget, any_value(l.when_included) AS when_included,
           ${sorted_distinct(l.how_cost_is_calculated)} AS how_cost_is_calculated,
           min(CASE WHEN l.unit_rank = 1 THEN l.unit_type END) AS unit_type,
           count(*) AS users, sum(l.units_per_year) AS units, sum(l.cost_per_year) AS cost,
           -- Summed as exact decimals and divided once, so the pounds do not depend on the order rows are added in.
           ${quotient(sum(l.cost_per_year * (100 + l.adjustment_percent)) | 100 | 2)} AS cost_adjusted
    FROM ranked_lines l
    GROUP BY l.cohort_id, l.need_band, l.provider_code, l.setting, l.service),
shown AS (
    SELECT l.*, b.people_in_band, b.deteriorating_people,
           CASE WHEN l.users > 0 THEN ${quotient(l.units | l.users | 2)} END AS units_per_year_per_user,
           CASE WHEN l.units > 0 THEN ${quotient(l.cost | l.units | 2)} END AS unit_cost
    FROM lines l JOIN band_sizes b USING (cohort_id, need_band))
SELECT cohort_id, need_band, people_in_band,
       provider_code AS current_provider_code, provider_name AS current_provider, setting, service, service_name,
       what_the_service_is_for,
       how_cost_is_calculated, unit_type AS unit,
       ${quotient(units | people_in_band | 2)} AS units_per_year_per_person,
       units_per_year_per_user, unit_cost AS cost_per_unit,
       CASE WHEN include_in_budget THEN 'yes' ELSE 'no' END AS include_in_personal_budgets,
       CASE WHEN include_in_budget THEN 'now' ELSE when_included END AS when_could_it_be_included,
       funder,
       users AS anticipated_uptake,
       ${quotient(100 * users | people_in_band | 1)} AS uptake_percent_of_band,
       (users * units_per_year_per_user * unit_cost)::DECIMAL(18,2) AS forecast_cost,
       ${quotient(users * units_per_year_per_user * unit_cost | people_in_band | 2)} AS forecast_cost_per_person,
       cost_adjusted AS forecast_cost_with_needs_adjustment,
       CASE WHEN include_in_budget THEN ${quotient(users * units_per_year_per_user * unit_cost | people_in_band | 2)}
            ELSE 0::DECIMAL(18,2) END AS indicative_budget_share_per_person,
       cost::DECIMAL(18,2) AS historic_cost,
       ${base_year} AS base_year, ${rules_version} AS rules_version
FROM shown
ORDER BY cohort_id, need_band, include_in_budget DESC, historic_cost DESC
