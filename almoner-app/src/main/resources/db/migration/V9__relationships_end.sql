-- A representative, a nominee or a member of the care team stops acting for the person: the row is
-- ended, never deleted, so the audit trail and "who could see this record, and when" stay answerable.
-- Access rules read only the rows that have not ended.

ALTER TABLE representatives
    ADD COLUMN ended_at   timestamptz,
    ADD COLUMN end_reason text,
    ADD COLUMN ended_by   text,
    ADD CONSTRAINT representatives_ending_whole
        CHECK ((ended_at IS NULL) = (end_reason IS NULL) AND (ended_at IS NULL) = (ended_by IS NULL));
CREATE INDEX representatives_current_account ON representatives (account_id, person_id) WHERE ended_at IS NULL;

ALTER TABLE care_team
    ADD COLUMN ended_at   timestamptz,
    ADD COLUMN end_reason text,
    ADD COLUMN ended_by   text,
    ADD CONSTRAINT care_team_ending_whole
        CHECK ((ended_at IS NULL) = (end_reason IS NULL) AND (ended_at IS NULL) = (ended_by IS NULL));
-- A colleague who left may join again later: each spell in the team is its own row, and only one may be current.
ALTER TABLE care_team DROP CONSTRAINT care_team_pkey;
ALTER TABLE care_team ADD PRIMARY KEY (person_id, account_id, added_at);
CREATE UNIQUE INDEX care_team_current ON care_team (person_id, account_id) WHERE ended_at IS NULL;
-- The caseload's own index: every coordinator's list of people reads it.
DROP INDEX care_team_account;
CREATE INDEX care_team_current_account ON care_team (account_id, person_id) WHERE ended_at IS NULL;
-- The application ends relationships; it never removes their history.
REVOKE DELETE, TRUNCATE ON representatives, care_team FROM almoner_app;
