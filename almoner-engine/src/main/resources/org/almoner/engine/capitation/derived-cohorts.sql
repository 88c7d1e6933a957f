-- Cohorts for when no cohort file is given: simple, mutually exclusive groups by age, frailty and
-- the number of long-term conditions, in the spirit of the IPC target groups (prospectus annex one).
CREATE OR REPLACE TABLE cohorts AS
SELECT person_pseudonym, financial_year,
       CASE WHEN age < 18 THEN 'children and young people'
            WHEN frail = 1 THEN 'frailty, 65 and over'
            WHEN condition_count >= 3 THEN 'three or more long-term conditions'
            WHEN condition_count >= 1 THEN 'one or two long-term conditions'
            ELSE 'adults without long-term conditions' END AS cohort
FROM capitation_population;
