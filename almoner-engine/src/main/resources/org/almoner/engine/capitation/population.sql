-- One row per person and financial year with annual cost and the characteristics the complexity
-- adjustment and the derived cohorts use. Built from the pipeline's published output only.
CREATE OR REPLACE TABLE capitation_population AS
WITH year_ends AS (
    SELECT DISTINCT financial_year,
           make_date(CAST(left(financial_year, 4) AS INTEGER) + 1, 3, 31) AS year_end
    FROM summary),
registers AS (
    -- A condition counts in a year when the person was on its register by the year's end.
    SELECT s.person_pseudonym, s.financial_year,
           count(DISTINCT r.register) AS condition_count,
           bool_or(r.register = 'DEM') AS dementia
    FROM summary s
    JOIN year_ends y USING (financial_year)
    JOIN registers_in r ON r.person_pseudonym = s.person_pseudonym
    WHERE r.added_date IS NULL OR r.added_date <= y.year_end
    GROUP BY s.person_pseudonym, s.financial_year),
frailty_events AS (
    -- Falls, hip fractures and care home placements in the year: simple markers of frailty.
    SELECT DISTINCT person_pseudonym, financial_year
    FROM activity_in
    WHERE person_pseudonym IS NOT NULL
      AND (currency_code IN ('WH07', 'HT12') OR primary_diagnosis IN ('R55', 'S720')
           OR service_code IN ('RESIDENTIAL_CARE', 'NURSING_CARE', 'CHC_NURSING_HOME')))
SELECT s.person_pseudonym, s.financial_year,
       s.age_at_year_start AS age, s.sex, s.deprivation_decile,
       p.activation_score,
       coalesce(r.condition_count, 0) AS condition_count,
       CASE WHEN s.age_at_year_start < 18 THEN 1 ELSE 0 END AS age_under_18,
       CASE WHEN s.age_at_year_start BETWEEN 65 AND 74 THEN 1 ELSE 0 END AS age_65_to_74,
       CASE WHEN s.age_at_year_start BETWEEN 75 AND 84 THEN 1 ELSE 0 END AS age_75_to_84,
       CASE WHEN s.age_at_year_start >= 85 THEN 1 ELSE 0 END AS age_85_and_over,
       CASE WHEN s.sex = '2' THEN 1 ELSE 0 END AS female,
       CASE WHEN s.age_at_year_start >= 65
             AND (coalesce(r.dementia, false) OR f.person_pseudonym IS NOT NULL OR coalesce(r.condition_count, 0) >= 4)
            THEN 1 ELSE 0 END AS frail,
       CASE WHEN s.deprivation_decile IN (1, 2) THEN 1 ELSE 0 END AS most_deprived_fifth,
       -- Patient Activation Measure levels 1 and 2 end at 55.1 (Insignia Health's published cut-offs).
       CASE WHEN p.activation_score <= 55.1 THEN 1 ELSE 0 END AS low_activation,
       CASE WHEN p.activation_score IS NULL THEN 1 ELSE 0 END AS activation_not_measured,
       s.total_cost
FROM summary s
LEFT JOIN people_in p USING (person_pseudonym)
LEFT JOIN registers r USING (person_pseudonym, financial_year)
LEFT JOIN frailty_events f USING (person_pseudonym, financial_year);
