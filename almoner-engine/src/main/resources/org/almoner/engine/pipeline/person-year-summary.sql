-- The query of person_year_summary (DuckDB and Spark SQL): one row per person and financial year: cost and activity by setting, ready for cohort work.
-- Everyone in the spine who was alive for some of the year appears, with zeros where they used
-- nothing: a year without activity is information, and capitation needs the whole denominator.
WITH years AS (
    SELECT DISTINCT financial_year,
           make_date(CAST(left(financial_year, 4) AS INTEGER), 4, 1) AS year_start,
           make_date(CAST(left(financial_year, 4) AS INTEGER) + 1, 3, 31) AS year_end
    FROM activity_published WHERE financial_year IS NOT NULL),
people_years AS (
    SELECT k.person_pseudonym, y.financial_year,
           ${age_at_year_start} AS age_at_year_start,
           p.sex, p.ethnicity, p.deprivation_decile, p.gp_practice, p.pcn
    FROM spine_keys k
    JOIN people_pseudonymised p USING (person_pseudonym)
    CROSS JOIN years y
    WHERE k.date_of_birth <= y.year_end
      AND (p.date_of_death IS NULL OR p.date_of_death >= y.year_start)),
activity AS (
    SELECT person_pseudonym, financial_year,
${setting_aggregates}
           count(*) AS activity_rows,
           count(*) FILTER (WHERE costing_method = 'UNCOSTED') AS uncosted_rows,
           CAST(coalesce(sum(cost), 0) AS DECIMAL(18,2)) AS total_cost
    FROM activity_published
    WHERE person_pseudonym IS NOT NULL
    GROUP BY person_pseudonym, financial_year)
SELECT py.*,
${setting_columns}
       coalesce(a.activity_rows, 0) AS activity_rows,
       coalesce(a.uncosted_rows, 0) AS uncosted_rows,
       CAST(coalesce(a.total_cost, 0) AS DECIMAL(18,2)) AS total_cost
FROM people_years py
LEFT JOIN activity a USING (person_pseudonym, financial_year)
ORDER BY py.person_pseudonym, py.financial_year
