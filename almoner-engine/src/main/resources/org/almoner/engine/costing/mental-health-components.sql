-- Splits each costed mental health cluster row's cost across the cluster's component services by
-- the local split rule (ref_mental_health_cluster_split, whose shares add up to exactly 1 per
-- cluster). Each component gets its share rounded down to the penny; the pennies left over go one
-- each to the components with the largest remainders (largest remainder method), so the
-- components add up exactly to the row's cost.
-- Placeholder: ${costed} the costed activity table.
CREATE OR REPLACE TABLE mental_health_cluster_components AS
WITH parts AS (
    SELECT
        c.activity_id,
        c.currency_code AS cluster,
        s.component,
        s.share,
        s.suitable_for_personal_health_budget,
        c.cost AS row_cost,
        CAST(c.cost AS DECIMAL(38,2)) * s.share AS exact_cost,
        CAST(floor(CAST(c.cost AS DECIMAL(38,2)) * s.share * 100) AS DECIMAL(38,0)) * 0.01 AS floored_cost
    FROM ${costed} c
    JOIN ref_mental_health_cluster_split s ON s.cluster = c.currency_code
    WHERE c.currency_type = 'MH_CLUSTER' AND c.cost IS NOT NULL
),
ranked AS (
    SELECT *,
        row_number() OVER (PARTITION BY activity_id ORDER BY exact_cost - floored_cost DESC, share DESC, component) AS remainder_rank,
        CAST((row_cost - sum(floored_cost) OVER (PARTITION BY activity_id)) * 100 AS BIGINT) AS pennies_left
    FROM parts
)
SELECT
    activity_id,
    cluster,
    component,
    share,
    CAST(floored_cost + CASE WHEN remainder_rank <= pennies_left THEN 0.01 ELSE 0 END AS DECIMAL(18,2)) AS cost,
    suitable_for_personal_health_budget
FROM ranked
