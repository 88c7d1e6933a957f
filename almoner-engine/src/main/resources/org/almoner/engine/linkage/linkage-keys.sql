-- The identifiers a supplementary (probabilistic) linker needs, and nothing more: one row per
-- distinct identity a source holds for a person it could not be linked by NHS number, and the
-- spine's identities. These tables stay inside the pseudonymisation boundary.
CREATE OR REPLACE TABLE linkage_keys AS
SELECT a.source_system,
       coalesce(l.source_person_pseudonym, 'record:' || a.source_system || ':' || a.source_record_id) AS source_person_pseudonym,
       a.nhs_number, a.given_name, a.family_name, a.date_of_birth, a.sex, a.postcode,
       count(*) AS activity_rows
FROM activity_in a
LEFT JOIN local_pseudonyms l ON a.source_system = l.source_system AND a.local_person_id = l.local_person_id
LEFT JOIN spine_keys k ON a.nhs_number = k.nhs_number
WHERE k.person_id IS NULL
GROUP BY ALL;

CREATE OR REPLACE TABLE linkage_spine AS
SELECT k.person_pseudonym, p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex, p.postcode
FROM people_in p JOIN spine_keys k USING (person_id);
