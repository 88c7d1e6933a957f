-- Risk stratification per person and financial year, over a pipeline output folder.
-- Reads the views pipeline_people, pipeline_diagnoses, pipeline_registers, pipeline_activity, pipeline_summary and the
-- code list tables (list_*) loaded from this package's CSV files; writes the table person_year_risk.
-- Everything known by the end of a year counts for that year: a diagnosis or register entry recorded on or before the
-- year end, or with no date. Statements are separated by a line holding only a semicolon.
-- DuckDB and Spark SQL both run this file; ${each_word(x)} and ${sorted_list(item, condition)} are spelt by
-- each engine's dialect (stages.SqlDialect).

-- Code lists as ranges of ICD-10 prefixes ("I425-I429" -> I425..I429; "I21" -> I21..I21).
CREATE OR REPLACE TABLE code_ranges AS
WITH lists AS (
    SELECT 'charlson' AS index_name, category AS item, icd10_codes FROM list_charlson
    UNION ALL SELECT 'elixhauser', category, icd10_codes FROM list_elixhauser
    UNION ALL SELECT 'cambridge', condition, icd10_codes FROM list_cambridge WHERE derivable = 'Y'
    UNION ALL SELECT 'ltc', condition, icd10_codes FROM list_ltc),
parts AS (
    SELECT index_name, item, ${each_word(trim(coalesce(icd10_codes, '')))} AS part FROM lists)
SELECT index_name, item, split_part(part, '-', 1) AS code_from,
       CASE WHEN contains(part, '-') THEN split_part(part, '-', 2) ELSE part END AS code_to
FROM parts WHERE part <> ''
;
CREATE OR REPLACE TABLE years AS
SELECT DISTINCT financial_year,
       make_date(CAST(left(financial_year, 4) AS INTEGER) + 1, 3, 31) AS year_end
FROM pipeline_summary
;
-- Every ICD-10 code a person has, with the date it became known and whether it came from a hospital spell.
CREATE OR REPLACE TABLE person_codes AS
SELECT person_pseudonym, upper(replace(code, '.', '')) AS code, recorded_date AS known_date
FROM pipeline_diagnoses WHERE code_system = 'ICD10' AND person_pseudonym IS NOT NULL
UNION ALL
SELECT d.person_pseudonym, m.icd10_code, d.recorded_date
FROM pipeline_diagnoses d JOIN list_snomed m ON d.code = m.snomed_code
WHERE d.code_system = 'SNOMED' AND d.person_pseudonym IS NOT NULL
UNION ALL
SELECT person_pseudonym, upper(replace(primary_diagnosis, '.', '')), start_date
FROM pipeline_activity
WHERE setting = 'admitted_patient_care' AND primary_diagnosis IS NOT NULL AND person_pseudonym IS NOT NULL
;
-- Each distinct code matched once against the ranges: a few hundred codes, not millions of rows.
CREATE OR REPLACE TABLE code_items AS
WITH distinct_codes AS (SELECT DISTINCT code FROM person_codes)
SELECT DISTINCT d.code, r.index_name, r.item
FROM distinct_codes d JOIN code_ranges r
  ON left(d.code, length(r.code_from)) BETWEEN r.code_from AND r.code_to
;
CREATE OR REPLACE TABLE person_year_items AS
SELECT DISTINCT c.person_pseudonym, y.financial_year, i.index_name, i.item
FROM person_codes c
JOIN years y ON c.known_date IS NULL OR c.known_date <= y.year_end
JOIN code_items i ON i.code = c.code
UNION
SELECT r.person_pseudonym, y.financial_year, 'ltc', l.condition
FROM pipeline_registers r
JOIN years y ON r.added_date IS NULL OR r.added_date <= y.year_end
JOIN (SELECT condition, ${each_word(qof_registers)} AS register FROM list_ltc WHERE qof_registers <> '') l
  ON l.register = r.register
UNION
SELECT r.person_pseudonym, y.financial_year, 'cambridge', l.condition
FROM pipeline_registers r
JOIN years y ON r.added_date IS NULL OR r.added_date <= y.year_end
JOIN (SELECT condition, ${each_word(qof_registers)} AS register FROM list_cambridge
      WHERE qof_registers <> '' AND derivable = 'Y') l
  ON l.register = r.register
;
-- Hierarchy rules: a category is not counted when its more severe category is present.
CREATE OR REPLACE TABLE person_year_counted AS
-- Left join and keep the unmatched, rather than NOT EXISTS: Spark allows no correlated join inside a subquery.
WITH superseded AS (
    SELECT DISTINCT q.person_pseudonym, q.financial_year, h.index_name, h.category
    FROM (SELECT 'charlson' AS index_name, category, superseded_by FROM list_charlson
          UNION ALL SELECT 'elixhauser', category, superseded_by FROM list_elixhauser) h
    JOIN person_year_items q ON q.index_name = h.index_name AND q.item = h.superseded_by
    WHERE h.superseded_by IS NOT NULL AND h.superseded_by <> '')
SELECT p.* FROM person_year_items p
LEFT JOIN superseded x ON x.person_pseudonym = p.person_pseudonym AND x.financial_year = p.financial_year
     AND x.index_name = p.index_name AND x.category = p.item
WHERE x.person_pseudonym IS NULL
;
-- Ordered aggregates are slow in DuckDB, so lists are gathered unordered and sorted per row (sorted_list).
CREATE OR REPLACE TABLE item_weights AS
SELECT 'charlson' AS index_name, category AS item, CAST(weight_charlson_1987 AS DECIMAL(6,2)) AS first_weight,
       CAST(weight_quan_2011 AS DECIMAL(6,2)) AS second_weight FROM list_charlson
UNION ALL SELECT 'elixhauser', category, CAST(weight_van_walraven AS DECIMAL(6,2)), CAST(NULL AS DECIMAL(6,2)) FROM list_elixhauser
UNION ALL SELECT 'cambridge', condition, CAST(weight AS DECIMAL(6,2)), CAST(NULL AS DECIMAL(6,2)) FROM list_cambridge
;
CREATE OR REPLACE TABLE person_year_indices AS
SELECT p.person_pseudonym, p.financial_year,
       count(*) FILTER (WHERE p.index_name = 'ltc') AS ltc_count,
       ${sorted_list(p.item, p.index_name = 'ltc')} AS ltc_list,
       CAST(coalesce(sum(w.first_weight) FILTER (WHERE p.index_name = 'charlson'), 0) AS INTEGER) AS charlson_index,
       CAST(coalesce(sum(w.second_weight) FILTER (WHERE p.index_name = 'charlson'), 0) AS INTEGER) AS charlson_index_quan_2011,
       ${sorted_list(p.item, p.index_name = 'charlson')} AS charlson_categories,
       CAST(coalesce(sum(w.first_weight) FILTER (WHERE p.index_name = 'elixhauser'), 0) AS INTEGER) AS elixhauser_van_walraven,
       count(*) FILTER (WHERE p.index_name = 'elixhauser') AS elixhauser_count,
       ${sorted_list(p.item, p.index_name = 'elixhauser')} AS elixhauser_categories,
       CAST(coalesce(sum(w.first_weight) FILTER (WHERE p.index_name = 'cambridge'), 0) AS DECIMAL(6,2)) AS cambridge_multimorbidity_score,
       ${sorted_list(p.item, p.index_name = 'cambridge')} AS cambridge_conditions
FROM person_year_counted p
LEFT JOIN item_weights w ON w.index_name = p.index_name AND w.item = p.item
GROUP BY p.person_pseudonym, p.financial_year
;
-- The cost percentile sorts a narrow table, not the wide result.
CREATE OR REPLACE TABLE person_year_cost_rank AS
SELECT person_pseudonym, financial_year,
       -- The share of people that year whose cost is lower, in whole percent; the very highest fall in 99, the top 1%.
       least(99, CAST(floor(100 * percent_rank() OVER (PARTITION BY financial_year ORDER BY total_cost)) AS INTEGER)) AS cost_percentile
FROM pipeline_summary
;
-- Hospital Frailty Risk Score: distinct three-character categories recorded in the two years to the year end.
CREATE OR REPLACE TABLE person_year_frailty AS
WITH categories AS (
    SELECT DISTINCT c.person_pseudonym, y.financial_year, left(c.code, 3) AS icd10_category
    FROM person_codes c
    JOIN years y ON c.known_date > y.year_end - INTERVAL 2 YEAR AND c.known_date <= y.year_end)
SELECT c.person_pseudonym, c.financial_year, CAST(sum(f.weight) AS DECIMAL(6,1)) AS hospital_frailty_risk_score
FROM categories c JOIN list_frailty f USING (icd10_category)
GROUP BY c.person_pseudonym, c.financial_year
;
CREATE OR REPLACE TABLE person_year_use AS
SELECT person_pseudonym, financial_year,
       count(*) FILTER (WHERE setting = 'admitted_patient_care' AND point_of_delivery = 'NEL') AS emergency_admissions,
       count(*) FILTER (WHERE setting = 'a_and_e') AS ae_attendances,
       count(*) FILTER (WHERE setting = 'continuing_healthcare') AS continuing_healthcare_rows,
       count(*) FILTER (WHERE setting = 'community' AND service_code = 'WHEELCHAIR_SERVICE') AS wheelchair_service_rows
FROM pipeline_activity
WHERE person_pseudonym IS NOT NULL AND setting IN ('admitted_patient_care', 'a_and_e', 'continuing_healthcare', 'community')
GROUP BY person_pseudonym, financial_year
;
-- Activation levels for the few people with a score, so the wide result below needs only equality joins.
CREATE OR REPLACE TABLE person_year_activation AS
SELECT p.person_pseudonym, y.financial_year, p.activation_score, a.activation_level
FROM pipeline_people p
CROSS JOIN years y
LEFT JOIN list_activation a ON p.activation_score BETWEEN a.lowest_score AND a.highest_score
WHERE p.activation_score IS NOT NULL AND (p.activation_date IS NULL OR p.activation_date <= y.year_end)
;
CREATE OR REPLACE TABLE person_year_risk AS
SELECT s.person_pseudonym, s.financial_year, s.age_at_year_start,
       CASE WHEN s.age_at_year_start < 18 THEN '0-17' WHEN s.age_at_year_start < 45 THEN '18-44'
            WHEN s.age_at_year_start < 65 THEN '45-64' WHEN s.age_at_year_start < 75 THEN '65-74'
            WHEN s.age_at_year_start < 85 THEN '75-84' ELSE '85+' END AS age_band,
       s.sex, s.ethnicity, s.deprivation_decile, s.gp_practice, s.pcn,
       coalesce(i.ltc_count, 0) AS ltc_count, coalesce(i.ltc_list, '') AS ltc_list,
       coalesce(i.charlson_index, 0) AS charlson_index,
       coalesce(i.charlson_index_quan_2011, 0) AS charlson_index_quan_2011,
       coalesce(i.charlson_categories, '') AS charlson_categories,
       coalesce(i.elixhauser_van_walraven, 0) AS elixhauser_van_walraven,
       coalesce(i.elixhauser_count, 0) AS elixhauser_count,
       coalesce(i.elixhauser_categories, '') AS elixhauser_categories,
       CAST(coalesce(i.cambridge_multimorbidity_score, 0) AS DECIMAL(6,2)) AS cambridge_multimorbidity_score,
       coalesce(i.cambridge_conditions, '') AS cambridge_conditions,
       CAST(coalesce(f.hospital_frailty_risk_score, 0) AS DECIMAL(6,1)) AS hospital_frailty_risk_score,
       CASE WHEN s.age_at_year_start < 75 THEN NULL
            WHEN coalesce(f.hospital_frailty_risk_score, 0) < 5 THEN 'low'
            WHEN f.hospital_frailty_risk_score <= 15 THEN 'intermediate' ELSE 'high' END AS frailty_risk,
       coalesce(u.emergency_admissions, 0) AS emergency_admissions,
       coalesce(u.ae_attendances, 0) AS ae_attendances,
       coalesce(u.emergency_admissions, 0) >= ${emergency_admissions_threshold} AS frequent_emergency_admissions,
       coalesce(u.ae_attendances, 0) >= ${ae_attendances_threshold} AS frequent_ae_attender,
       s.total_cost,
       r.cost_percentile,
       pa.activation_score,
       pa.activation_level,
       coalesce(p.chc, false) OR coalesce(u.continuing_healthcare_rows, 0) > 0 AS right_to_have_chc,
       coalesce(p.childrens_continuing_care, false) AS right_to_have_childrens_continuing_care,
       coalesce(p.section_117, false) AS right_to_have_section_117,
       coalesce(p.wheelchair_service, false) OR coalesce(u.wheelchair_service_rows, 0) > 0 AS right_to_have_wheelchair,
       coalesce(p.learning_disability_autism, false) AS learning_disability_autism,
       coalesce(p.ehc_plan, false) AS ehc_plan,
${cost_columns}
FROM pipeline_summary s
LEFT JOIN pipeline_people p USING (person_pseudonym)
LEFT JOIN person_year_indices i USING (person_pseudonym, financial_year)
LEFT JOIN person_year_frailty f USING (person_pseudonym, financial_year)
LEFT JOIN person_year_use u USING (person_pseudonym, financial_year)
LEFT JOIN person_year_cost_rank r USING (person_pseudonym, financial_year)
LEFT JOIN person_year_activation pa USING (person_pseudonym, financial_year)
