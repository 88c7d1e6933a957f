-- The activity and cost of each contract in the year, split by cohort. A row belongs to a contract
-- when its provider holds the contract and its setting or service code is among the contract's
-- services. Rows not linked to a person, or of people in no cohort, keep their own lines so every
-- row under the contract is accounted for.
CREATE OR REPLACE TABLE contract_cohorts AS
WITH contracts AS (
    SELECT contract_id, provider_code, string_split(services, ';') AS service_list
    FROM ref_contracts
    WHERE start_date <= ${year_end} AND end_date >= ${year_start})
SELECT k.contract_id,
       CASE WHEN a.person_pseudonym IS NULL THEN 'not linked to a person'
            ELSE coalesce(c.cohort, 'not in a cohort') END AS cohort,
       count(DISTINCT a.person_pseudonym) AS people,
       count(*) AS activity_rows,
       coalesce(sum(a.cost), 0)::DECIMAL(18,2) AS cost
FROM contracts k
JOIN activity_in a
  ON a.provider_code = k.provider_code
 AND a.financial_year = ${year}
 AND (list_contains(k.service_list, a.setting) OR list_contains(k.service_list, a.service_code))
LEFT JOIN cohorts c
  ON c.person_pseudonym = a.person_pseudonym AND c.financial_year = a.financial_year
GROUP BY ALL;
