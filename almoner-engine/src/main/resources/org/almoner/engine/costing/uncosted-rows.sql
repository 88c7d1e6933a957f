-- The uncosted rows of a costed activity table, each with the reason every level of the costing
-- hierarchy failed, in the order the levels are tried. Only uncosted rows are looked at, so the
-- reasons cost nothing on the main costing pass.
-- Placeholder: ${costed} the costed activity table.
WITH uncosted AS (
    SELECT * FROM ${costed} WHERE costing_method = 'UNCOSTED'
),
checked AS (
    SELECT u.*,
        t_any_unit.unit_type AS tariff_unit_type,
        m.mff AS mff,
        -- Some year other than the row's has a tariff for its HRG and point of delivery when its first or last
        -- such year is not the row's (a join, not a correlated EXISTS, so the same query runs on Spark).
        other_years.first_year IS NOT NULL AND (other_years.first_year IS DISTINCT FROM u.financial_year
            OR other_years.last_year IS DISTINCT FROM u.financial_year) AS tariff_in_other_year,
        rtrim(rtrim(CAST(CAST(u.units AS DECIMAL(18,4)) AS STRING), '0'), '.') AS units_text
    FROM uncosted u
    LEFT JOIN ref_tariff t_any_unit
        ON t_any_unit.financial_year = u.financial_year
        AND t_any_unit.currency_code = u.currency_code
        AND t_any_unit.point_of_delivery = u.point_of_delivery
        AND u.currency_type = 'HRG'
    LEFT JOIN (SELECT currency_code, point_of_delivery, min(financial_year) AS first_year, max(financial_year) AS last_year
               FROM ref_tariff GROUP BY currency_code, point_of_delivery) other_years
        ON other_years.currency_code = u.currency_code AND other_years.point_of_delivery = u.point_of_delivery
    LEFT JOIN ref_market_forces_factor m
        ON m.financial_year = u.financial_year AND m.provider_code = u.provider_code
)
SELECT
    activity_id, source_system, source_record_id, setting, provider_code, service_code, point_of_delivery,
    start_date, financial_year, units, unit_type, currency_type, currency_code,
    CASE
        WHEN financial_year IS NULL THEN 'no start date, so no financial year to price in'
        WHEN units IS NULL THEN 'no units to multiply a price by, and no local cost on the row'
        ELSE concat_ws('; ',
            CASE
                WHEN currency_type IS DISTINCT FROM 'HRG'
                    THEN 'no tariff (currency type ' || coalesce(currency_type, 'blank') || ', tariff covers HRGs only)'
                WHEN tariff_unit_type IS NULL
                    THEN 'no tariff for HRG ' || coalesce(currency_code, '(blank)') || ' ' || coalesce(point_of_delivery, '(no point of delivery)')
                        || ' in ' || financial_year
                        || CASE WHEN tariff_in_other_year THEN ' (other years have one; prices are not carried across years)' ELSE '' END
                WHEN tariff_unit_type IS DISTINCT FROM unit_type
                    THEN 'tariff for HRG ' || currency_code || ' ' || point_of_delivery || ' is per ' || tariff_unit_type
                        || ' but the row counts ' || coalesce(unit_type, '(blank)')
                WHEN mff IS NULL
                    THEN 'tariff found but no market forces factor for provider ' || coalesce(provider_code, '(blank)') || ' in ' || financial_year
            END,
            'no reference cost for ' || coalesce(currency_type, '(blank currency type)') || ' ' || coalesce(currency_code, '(blank)')
                || coalesce(' ' || point_of_delivery, '') || ' per ' || coalesce(unit_type, '(blank)') || ' in ' || financial_year,
            'no local cost on the row or for ' || coalesce(provider_code, '(blank)') || '/' || coalesce(service_code, '(blank)')
                || ' per ' || coalesce(unit_type, '(blank)') || ' in ' || financial_year,
            'no unit cost for ' || coalesce(service_code, '(blank)') || ' per ' || coalesce(unit_type, '(blank)') || ' in ' || financial_year)
    END AS reason
FROM checked
ORDER BY activity_id
