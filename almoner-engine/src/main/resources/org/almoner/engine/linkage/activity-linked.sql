-- The query of activity_linked (DuckDB and Spark SQL): activity with pseudonyms in place of identifiers. Deterministic linkage first (a unique NHS number
-- in the spine); then whatever supplementary linkers found for the source person; else unlinked.
-- Age comes from the spine's date of birth where linked, else from the source's own.
SELECT a.activity_id,
       a.source_system,
       a.source_record_id,
       a.setting,
       coalesce(k.person_pseudonym, s.person_pseudonym) AS person_pseudonym,
       CASE WHEN k.person_pseudonym IS NOT NULL THEN 'NHS_NUMBER'
            WHEN s.person_pseudonym IS NOT NULL THEN s.link_method
            ELSE 'UNLINKED' END AS link_method,
       s.match_weight,
       l.source_person_pseudonym,
       a.nhs_number_status,
       -- Whole years from birth to the start; integer arithmetic, as age() is slow over tens of millions of rows.
       CAST(year(a.start_date) - year(coalesce(k.date_of_birth, a.date_of_birth))
        - CASE WHEN month(a.start_date) * 100 + day(a.start_date)
                    < month(coalesce(k.date_of_birth, a.date_of_birth)) * 100 + day(coalesce(k.date_of_birth, a.date_of_birth))
               THEN 1 ELSE 0 END AS INT) AS age_at_start,
       coalesce(k.sex, a.sex) AS sex,
       nullif(split_part(a.postcode, ' ', 1), '') AS postcode_district,
       a.provider_code,
       a.service_code,
       a.point_of_delivery,
       a.start_date,
       a.end_date,
       a.units,
       a.unit_type,
       a.currency_code,
       a.currency_type,
       a.primary_diagnosis,
       a.local_cost,
       a.recorded_date
FROM activity_in a
LEFT JOIN spine_keys k ON a.nhs_number = k.nhs_number
-- The source's own identifier under pseudonym: only for rows the NHS number does not link. The
-- condition sits inside the join key, not beside it: a condition on the left side alone next to the
-- equalities turned the join into a nested loop (quadratic; 25 s at 20,000 people, hours at a million).
LEFT JOIN local_pseudonyms l
       ON l.source_system = a.source_system
      AND l.local_person_id = CASE WHEN k.person_pseudonym IS NULL THEN a.local_person_id END
LEFT JOIN supplementary_links s
       ON s.source_system = a.source_system
      AND s.source_person_pseudonym = CASE WHEN k.person_pseudonym IS NULL
            THEN coalesce(l.source_person_pseudonym, 'record:' || a.source_system || ':' || a.source_record_id) END
