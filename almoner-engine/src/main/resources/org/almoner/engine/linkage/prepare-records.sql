-- Prepared records of one side: names lower case letters only, the given name with every given name
-- it may be a familiar form of (nicknames.csv), postcodes upper case without spaces, with sector and
-- district, and date-of-birth parts. Placeholders: {target}, {source}.
CREATE OR REPLACE TABLE {target} AS
WITH cleaned AS (
    SELECT CAST(record_id AS VARCHAR) AS record_id,
           nullif(regexp_replace(lower(trim(CAST(given_name AS VARCHAR))), '[^a-z]', '', 'g'), '') AS given_name,
           nullif(regexp_replace(lower(trim(CAST(family_name AS VARCHAR))), '[^a-z]', '', 'g'), '') AS family_name,
           TRY_CAST(date_of_birth AS DATE) AS date_of_birth,
           nullif(upper(trim(CAST(sex AS VARCHAR))), '') AS sex,
           nullif(regexp_replace(upper(CAST(postcode AS VARCHAR)), '[^A-Z0-9]', '', 'g'), '') AS postcode
    FROM {source})
SELECT c.record_id, c.given_name,
       list_distinct(list_concat([c.given_name], coalesce(n.given_names, []))) AS given_names,
       c.family_name, c.date_of_birth,
       strftime(c.date_of_birth, '%Y%m%d') AS date_of_birth_text,
       year(c.date_of_birth) AS birth_year, month(c.date_of_birth) AS birth_month, day(c.date_of_birth) AS birth_day,
       c.sex, c.postcode,
       CASE WHEN length(c.postcode) >= 5 THEN left(c.postcode, length(c.postcode) - 2) END AS postcode_sector,
       CASE WHEN length(c.postcode) >= 5 THEN left(c.postcode, length(c.postcode) - 3) END AS postcode_district,
       left(c.given_name, 1) AS given_name_initial,
       left(c.family_name, 1) AS family_name_initial
FROM cleaned c
LEFT JOIN fs_nicknames n ON n.nickname = c.given_name;
