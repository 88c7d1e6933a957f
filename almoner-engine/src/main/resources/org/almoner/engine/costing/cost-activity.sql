-- Costs every activity row in one pass, following the hierarchy of the 2019 Finance, Commissioning
-- and Contracting Handbook, 5.2.2: (1) national tariff x the provider's market forces factor,
-- (2) national reference cost, (3) local cost (the row's own, else the local cost file),
-- (4) PSSRU unit cost; otherwise UNCOSTED with a NULL cost, never zero.
-- Prices are looked up for the row's own financial year only: a year without a price falls to the
-- next level rather than borrowing another year's price.
-- Every lookup is a LEFT JOIN on a small reference table whose keys are unique (checked on load),
-- so each activity row yields exactly one output row. The small lookup tables are made first
-- (statements separated by a line holding only ';'). The readable cost_basis is built once per
-- reference row in them, not once per activity row, because concatenating
-- text for tens of millions of rows made the pass about 40% slower; the row's units are in its
-- own units column.
-- Placeholders: ${activity} the activity table, ${output} the table to create, ${activity_columns}
-- the activity table's columns, ${integers_1900_to_2199} a relation of one column y (engines spell it
-- differently). The rest is SQL DuckDB and Spark both accept.
CREATE OR REPLACE TABLE costing_tariff_prices AS
-- Tariff and MFF for the same year, per provider: a few hundred rows.
SELECT CAST(substr(t.financial_year, 1, 4) AS INTEGER) AS year_start, t.currency_code, t.point_of_delivery, t.unit_type, m.provider_code,
    CAST(t.price AS DECIMAL(38,2)) * m.mff AS price_with_mff,
    'tariff ' || t.financial_year || ' ' || t.currency_code || ' ' || t.point_of_delivery || ' £'
        || CAST(t.price AS STRING) || ' x MFF ' || CAST(m.mff AS STRING) || ' per ' || t.unit_type AS basis
FROM ref_tariff t
JOIN ref_market_forces_factor m ON m.financial_year = t.financial_year
;
CREATE OR REPLACE TABLE costing_reference_prices AS
SELECT CAST(substr(financial_year, 1, 4) AS INTEGER) AS year_start, currency_type, currency_code, point_of_delivery, unit_type, unit_cost,
    'reference cost ' || financial_year || ' ' || currency_type || ' ' || currency_code
        || coalesce(' ' || point_of_delivery, '') || ' £' || CAST(unit_cost AS STRING) || ' per ' || unit_type AS basis
FROM ref_reference_costs
;
CREATE OR REPLACE TABLE costing_local_prices AS
SELECT CAST(substr(financial_year, 1, 4) AS INTEGER) AS year_start, provider_code, service_code, unit_type, unit_cost,
    'local cost ' || financial_year || ' ' || provider_code || '/' || service_code || ' £'
        || CAST(unit_cost AS STRING) || ' per ' || unit_type AS basis
FROM ref_local_costs
;
CREATE OR REPLACE TABLE costing_unit_prices AS
SELECT CAST(substr(financial_year, 1, 4) AS INTEGER) AS year_start, service_code, unit_type, unit_cost,
    'PSSRU unit cost ' || financial_year || ' ' || service_code || ' £' || CAST(unit_cost AS STRING)
        || ' per ' || unit_type AS basis
FROM ref_unit_costs
;
CREATE OR REPLACE TABLE costing_financial_years AS
-- Financial year labels by the calendar year they start in, so the label is looked up rather than
-- built from text for every row.
SELECT CAST(y AS INTEGER) AS year_start, CAST(y AS STRING) || '/' || lpad(CAST((y + 1) % 100 AS STRING), 2, '0') AS financial_year
FROM ${integers_1900_to_2199} r
;
CREATE OR REPLACE TABLE ${output} AS
WITH dated AS (
    SELECT *,
        -- April to March: January to March belong to the year that started the April before.
        year(start_date) - CASE WHEN month(start_date) < 4 THEN 1 ELSE 0 END AS __costing_year_start,
        CASE WHEN currency_type = 'HRG' THEN currency_code END AS __costing_hrg,
        CAST(units AS DECIMAL(18,4)) AS __costing_units
    FROM ${activity}
),
looked_up AS (
    SELECT d.*,
        years.financial_year,
        tariff.price_with_mff AS __costing_tariff_price,
        tariff.basis AS __costing_tariff_basis,
        coalesce(reference_for_pod.unit_cost, reference_any_pod.unit_cost) AS __costing_reference_cost,
        coalesce(reference_for_pod.basis, reference_any_pod.basis) AS __costing_reference_basis,
        local_file.unit_cost AS __costing_local_unit_cost,
        local_file.basis AS __costing_local_basis,
        pssru.unit_cost AS __costing_unit_cost,
        pssru.basis AS __costing_unit_basis
    FROM dated d
    LEFT JOIN costing_financial_years years
        ON years.year_start = d.__costing_year_start
    LEFT JOIN costing_tariff_prices tariff
        ON tariff.year_start = d.__costing_year_start
        AND tariff.currency_code = d.__costing_hrg
        AND tariff.point_of_delivery = d.point_of_delivery
        AND tariff.unit_type = d.unit_type
        AND tariff.provider_code = d.provider_code
    LEFT JOIN costing_reference_prices reference_for_pod
        ON reference_for_pod.year_start = d.__costing_year_start
        AND reference_for_pod.currency_type = d.currency_type
        AND reference_for_pod.currency_code = d.currency_code
        AND reference_for_pod.point_of_delivery = d.point_of_delivery
        AND reference_for_pod.unit_type = d.unit_type
    LEFT JOIN (SELECT * FROM costing_reference_prices WHERE point_of_delivery IS NULL) reference_any_pod
        ON reference_any_pod.year_start = d.__costing_year_start
        AND reference_any_pod.currency_type = d.currency_type
        AND reference_any_pod.currency_code = d.currency_code
        AND reference_any_pod.unit_type = d.unit_type
    LEFT JOIN costing_local_prices local_file
        ON local_file.year_start = d.__costing_year_start
        AND local_file.provider_code = d.provider_code
        AND local_file.service_code = d.service_code
        AND local_file.unit_type = d.unit_type
    LEFT JOIN costing_unit_prices pssru
        ON pssru.year_start = d.__costing_year_start
        AND pssru.service_code = d.service_code
        AND pssru.unit_type = d.unit_type
),
decided AS (
    SELECT *,
        CASE
            WHEN __costing_tariff_price IS NOT NULL AND __costing_units IS NOT NULL THEN 'TARIFF'
            WHEN __costing_reference_cost IS NOT NULL AND __costing_units IS NOT NULL THEN 'REFERENCE_COST'
            WHEN local_cost IS NOT NULL OR (__costing_local_unit_cost IS NOT NULL AND __costing_units IS NOT NULL) THEN 'LOCAL_COST'
            WHEN __costing_unit_cost IS NOT NULL AND __costing_units IS NOT NULL THEN 'UNIT_COST'
            ELSE 'UNCOSTED'
        END AS costing_method
    FROM looked_up
)
SELECT ${activity_columns},
    financial_year,
    -- The one rounding, to pence, half away from zero (HALF_UP for the non-negative amounts here);
    -- every branch is exact in DECIMAL(38,10) (widened first so nothing overflows or rounds early).
    CAST(round(CASE costing_method
        WHEN 'TARIFF' THEN CAST(__costing_tariff_price * __costing_units AS DECIMAL(38,10))
        WHEN 'REFERENCE_COST' THEN CAST(CAST(__costing_reference_cost AS DECIMAL(38,2)) * __costing_units AS DECIMAL(38,10))
        WHEN 'LOCAL_COST' THEN CAST(coalesce(CAST(local_cost AS DECIMAL(38,2)),
                                             CAST(__costing_local_unit_cost AS DECIMAL(38,2)) * __costing_units) AS DECIMAL(38,10))
        WHEN 'UNIT_COST' THEN CAST(CAST(__costing_unit_cost AS DECIMAL(38,2)) * __costing_units AS DECIMAL(38,10))
    END, 2) AS DECIMAL(18,2)) AS cost,
    costing_method,
    CASE costing_method
        WHEN 'TARIFF' THEN __costing_tariff_basis
        WHEN 'REFERENCE_COST' THEN __costing_reference_basis
        WHEN 'LOCAL_COST' THEN CASE WHEN local_cost IS NOT NULL THEN 'local cost recorded on the row' ELSE __costing_local_basis END
        WHEN 'UNIT_COST' THEN __costing_unit_basis
        ELSE 'no price at any level; see the uncosted rows report'
    END AS cost_basis
FROM decided
;
DROP TABLE costing_tariff_prices
;
DROP TABLE costing_reference_prices
;
DROP TABLE costing_local_prices
;
DROP TABLE costing_unit_prices
;
DROP TABLE costing_financial_years
