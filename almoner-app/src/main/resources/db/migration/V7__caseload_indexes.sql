-- The caseload is filtered and paged by the database, for an organisation of a million people as for
-- a coordinator's dozen: people in name order within their organisation, and searches for any part of
-- a name or an NHS number by trigram (pg_trgm ships with PostgreSQL, and is trusted since version 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX people_organisation_name ON people (responsible_organisation, family_name, given_name, id);
CREATE INDEX people_given_family_trigrams ON people USING gin (lower(given_name || family_name) gin_trgm_ops);
CREATE INDEX people_family_given_trigrams ON people USING gin (lower(family_name || given_name) gin_trgm_ops);
CREATE INDEX people_nhs_number_trigrams ON people USING gin (nhs_number gin_trgm_ops);
CREATE INDEX budgets_person_latest ON budgets (person_id, created_at DESC);
