-- The yardstick for 'almoner benchmark': what an analyst fluent in DuckDB would write by hand to
-- ingest and cost the same input, with no accounting of rejects, no quality report and no keyed
-- pseudonyms. The pipeline aims to stay within 1.5 times this script's time.
-- ${input}, ${reference} and ${output} are replaced with folder paths before it runs.

CREATE TABLE tariff AS SELECT * FROM read_csv('${reference}/tariff.csv', header = true);
CREATE TABLE mff AS SELECT * FROM read_csv('${reference}/market_forces_factor.csv', header = true);
CREATE TABLE reference_costs AS SELECT * FROM read_csv('${reference}/reference_costs.csv', header = true);
CREATE TABLE local_costs AS SELECT * FROM read_csv('${reference}/local_costs.csv', header = true);
CREATE TABLE unit_costs AS SELECT * FROM read_csv('${reference}/unit_costs.csv', header = true);

CREATE TABLE people AS
SELECT person_id, nhs_number, date_of_birth, sex
FROM read_csv('${input}/people.csv', header = true, all_varchar = true);

CREATE TABLE activity AS
SELECT source_system, source_record_id, setting, nhs_number, provider_code, service_code, point_of_delivery,
       TRY_CAST(start_date AS DATE) AS start_date, TRY_CAST(end_date AS DATE) AS end_date,
       TRY_CAST(units AS DECIMAL(18,4)) AS units, unit_type, currency_code, currency_type,
       TRY_CAST(local_cost AS DECIMAL(18,2)) AS local_cost
FROM read_csv('${input}/activity/*.csv', header = true, all_varchar = true, union_by_name = true);

COPY (
    WITH dated AS (
        SELECT a.*,
               CASE WHEN month(start_date) >= 4
                    THEN year(start_date) || '/' || lpad(((year(start_date) + 1) % 100)::VARCHAR, 2, '0')
                    ELSE (year(start_date) - 1) || '/' || lpad((year(start_date) % 100)::VARCHAR, 2, '0') END AS financial_year
        FROM activity a)
    SELECT d.source_system, d.source_record_id, d.setting, sha256(p.nhs_number) AS person_key,
           d.provider_code, d.service_code, d.start_date, d.units, d.financial_year,
           ROUND(coalesce(t.price * m.mff * d.units,
                          r.unit_cost * d.units,
                          d.local_cost,
                          l.unit_cost * d.units,
                          u.unit_cost * d.units), 2) AS cost
    FROM dated d
    LEFT JOIN people p ON p.nhs_number = d.nhs_number
    LEFT JOIN tariff t ON t.financial_year = d.financial_year AND t.currency_code = d.currency_code
                      AND t.point_of_delivery = d.point_of_delivery
    LEFT JOIN mff m ON m.financial_year = d.financial_year AND m.provider_code = d.provider_code
    LEFT JOIN reference_costs r ON r.financial_year = d.financial_year AND r.currency_type = d.currency_type
                               AND r.currency_code = d.currency_code AND r.unit_type = d.unit_type
                               AND coalesce(r.point_of_delivery, '') = coalesce(d.point_of_delivery, '')
    LEFT JOIN local_costs l ON l.financial_year = d.financial_year AND l.provider_code = d.provider_code
                           AND l.service_code = d.service_code AND l.unit_type = d.unit_type
    LEFT JOIN unit_costs u ON u.financial_year = d.financial_year AND u.service_code = d.service_code
                          AND u.unit_type = d.unit_type
) TO '${output}/activity_costed.parquet' (FORMAT parquet, COMPRESSION zstd);
