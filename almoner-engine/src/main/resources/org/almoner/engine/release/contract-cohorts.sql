-- The activity and cost of each contract in the year, split by cohort. A row belongs to a contract
-- when its provider holds the contract and its setting or service code is among the contract's
-- services. Rows not linked to a person, or of people in no cohort, keep their own lines so every
-- row under the contract is accounted for. A row under two contracts (two commissioners buying the
-- same service from one provider) counts its cost in equal parts to each, so that the cost of all
-- contracts adds up to no more than the population's own spend.
CREATE OR REPLACE TABLE contract_cohorts AS
WITH contracts AS (
    SELECT contract_id, provider_code, string_split(services, ';') AS service_list
    FROM ref_contracts
    WHERE start_date <= ${year_end} AND end_date >= ${year_start}),
year_rows AS (
    SELECT row_number() OVER () AS row_id, person_pseudonym, financial_year, provider_code, setting, service_code, cost
    FROM activity_in
    WHERE financial_year = ${year}),
matched AS (
    SELECT k.contract_id, a.row_id, a.person_pseudonym, a.financial_year, a.cost,
           count(*) OVER (PARTITION BY a.row_id) AS contracts_sharing
    FROM contracts k
    JOIN year_rows a
      ON a.provider_code = k.provider_code
     AND (list_contains(k.service_list, a.setting) OR list_contains(k.service_list, a.service_code)))
SELECT m.contract_id,
       CASE WHEN m.person_pseudonym IS NULL THEN 'not linked to a person'
            ELSE coalesce(c.cohort, 'not in a cohort') END AS cohort,
       count(DISTINCT m.person_pseudonym) AS people,
       count(*) AS activity_rows,
       coalesce(sum(m.cost / m.contracts_sharing), 0)::DECIMAL(18,2) AS cost
FROM matched m
LEFT JOIN cohorts c
  ON c.person_pseudonym = m.person_pseudonym AND c.financial_year = m.financial_year
GROUP BY ALL;
