-- Costs every activity row in one pass, following the hierarchy of the 2019 Finance, Commissioning
-- and Contracting Handbook, 5.2.2: (1) national tariff x the provider's market forces factor,
-- (2) national reference cost, (3) local cost (the row's own, else the local cost file),
-- (4) PSSRU unit cost; otherwise UNCOSTED with a NULL cost, never zero.
-- Prices are looked up for the row's own financial year only: a year without a price falls to the
-- next level rather than borrowing another year's price.
-- Every lookup is a LEFT JOIN on a small reference table whose keys are unique (checked on load),
-- so each activity row yields exactly one output row.
-- Placeholders: ${activity} the activity table, ${output} the table to create.
CREATE OR REPLACE TABLE ${output} AS
WITH dated AS (
    SELECT *,
        CASE
            WHEN start_date IS NULL THEN NULL
            WHEN month(start_date) >= 4
                THEN CAST(year(start_date) AS VARCHAR) || '/' || lpad(CAST((year(start_date) + 1) % 100 AS VARCHAR), 2, '0')
            ELSE CAST(year(start_date) - 1 AS VARCHAR) || '/' || lpad(CAST(year(start_date) % 100 AS VARCHAR), 2, '0')
        END AS financial_year,
        CASE WHEN currency_type = 'HRG' THEN currency_code END AS __costing_hrg,
        CAST(units AS DECIMAL(18,4)) AS __costing_units
    FROM ${activity}
),
looked_up AS (
    SELECT d.*,
        t.price AS __costing_tariff_price,
        m.mff AS __costing_mff,
        coalesce(reference_for_pod.unit_cost, reference_any_pod.unit_cost) AS __costing_reference_cost,
        CASE WHEN reference_for_pod.unit_cost IS NOT NULL THEN d.point_of_delivery END AS __costing_reference_pod,
        local_file.unit_cost AS __costing_local_unit_cost,
        pssru.unit_cost AS __costing_unit_cost
    FROM dated d
    LEFT JOIN ref_tariff t
        ON t.financial_year = d.financial_year
        AND t.currency_code = d.__costing_hrg
        AND t.point_of_delivery = d.point_of_delivery
        AND t.unit_type = d.unit_type
    LEFT JOIN ref_market_forces_factor m
        ON m.financial_year = d.financial_year
        AND m.provider_code = d.provider_code
    LEFT JOIN ref_reference_costs reference_for_pod
        ON reference_for_pod.financial_year = d.financial_year
        AND reference_for_pod.currency_type = d.currency_type
        AND reference_for_pod.currency_code = d.currency_code
        AND reference_for_pod.point_of_delivery = d.point_of_delivery
        AND reference_for_pod.unit_type = d.unit_type
    LEFT JOIN (SELECT * FROM ref_reference_costs WHERE point_of_delivery IS NULL) reference_any_pod
        ON reference_any_pod.financial_year = d.financial_year
        AND reference_any_pod.currency_type = d.currency_type
        AND reference_any_pod.currency_code = d.currency_code
        AND reference_any_pod.unit_type = d.unit_type
    LEFT JOIN ref_local_costs local_file
        ON local_file.financial_year = d.financial_year
        AND local_file.provider_code = d.provider_code
        AND local_file.service_code = d.service_code
        AND local_file.unit_type = d.unit_type
    LEFT JOIN ref_unit_costs pssru
        ON pssru.financial_year = d.financial_year
        AND pssru.service_code = d.service_code
        AND pssru.unit_type = d.unit_type
),
decided AS (
    SELECT *,
        CASE
            WHEN __costing_tariff_price IS NOT NULL AND __costing_mff IS NOT NULL AND __costing_units IS NOT NULL THEN 'TARIFF'
            WHEN __costing_reference_cost IS NOT NULL AND __costing_units IS NOT NULL THEN 'REFERENCE_COST'
            WHEN local_cost IS NOT NULL OR (__costing_local_unit_cost IS NOT NULL AND __costing_units IS NOT NULL) THEN 'LOCAL_COST'
            WHEN __costing_unit_cost IS NOT NULL AND __costing_units IS NOT NULL THEN 'UNIT_COST'
            ELSE 'UNCOSTED'
        END AS costing_method,
        rtrim(rtrim(CAST(__costing_units AS VARCHAR), '0'), '.') || ' ' || coalesce(unit_type, '') AS __costing_quantity
    FROM looked_up
)
SELECT * EXCLUDE (
        __costing_hrg, __costing_units, __costing_tariff_price, __costing_mff, __costing_reference_cost,
        __costing_reference_pod, __costing_local_unit_cost, __costing_unit_cost, __costing_quantity, costing_method),
    -- The one rounding, to pence, half away from zero (HALF_UP for the non-negative amounts here);
    -- every branch is exact in DECIMAL(38,10) (widened first so nothing overflows or rounds early).
    CAST(round(CASE costing_method
        WHEN 'TARIFF' THEN CAST(CAST(__costing_tariff_price AS DECIMAL(38,2)) * __costing_mff * __costing_units AS DECIMAL(38,10))
        WHEN 'REFERENCE_COST' THEN CAST(CAST(__costing_reference_cost AS DECIMAL(38,2)) * __costing_units AS DECIMAL(38,10))
        WHEN 'LOCAL_COST' THEN CAST(coalesce(CAST(local_cost AS DECIMAL(38,2)),
                                             CAST(__costing_local_unit_cost AS DECIMAL(38,2)) * __costing_units) AS DECIMAL(38,10))
        WHEN 'UNIT_COST' THEN CAST(CAST(__costing_unit_cost AS DECIMAL(38,2)) * __costing_units AS DECIMAL(38,10))
    END, 2) AS DECIMAL(18,2)) AS cost,
    costing_method,
    CASE costing_method
        WHEN 'TARIFF' THEN 'tariff ' || financial_year || ' ' || currency_code || ' ' || point_of_delivery
            || ' £' || CAST(__costing_tariff_price AS VARCHAR) || ' x MFF ' || CAST(__costing_mff AS VARCHAR)
            || ' x ' || __costing_quantity
        WHEN 'REFERENCE_COST' THEN 'reference cost ' || financial_year || ' ' || currency_type || ' ' || currency_code
            || coalesce(' ' || __costing_reference_pod, '') || ' £' || CAST(__costing_reference_cost AS VARCHAR)
            || ' x ' || __costing_quantity
        WHEN 'LOCAL_COST' THEN CASE WHEN local_cost IS NOT NULL
            THEN 'local cost recorded on the row £' || CAST(CAST(local_cost AS DECIMAL(18,2)) AS VARCHAR)
            ELSE 'local cost ' || financial_year || ' ' || provider_code || '/' || service_code
                || ' £' || CAST(__costing_local_unit_cost AS VARCHAR) || ' x ' || __costing_quantity END
        WHEN 'UNIT_COST' THEN 'PSSRU unit cost ' || financial_year || ' ' || service_code
            || ' £' || CAST(__costing_unit_cost AS VARCHAR) || ' x ' || __costing_quantity
        ELSE 'no price found at any level; see the uncosted rows report'
    END AS cost_basis
FROM decided
