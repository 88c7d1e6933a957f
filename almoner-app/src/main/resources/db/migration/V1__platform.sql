-- The platform's first schema: accounts, people, referrals and eligibility, pathways, care and
-- support plans, budgets with their approvals and mechanisms, reviews, and the audit trail.
-- Money is numeric(12,2): pounds and pence, never floating point.

CREATE TABLE accounts (
    id                uuid PRIMARY KEY,
    username          text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name      text NOT NULL,
    password_hash     text NOT NULL,
    role              text NOT NULL CHECK (role IN ('COMMISSIONER', 'COORDINATOR', 'CLINICIAN', 'APPROVER',
                                                     'LINK_WORKER', 'PROVIDER', 'BUDGET_HOLDER', 'AUDITOR',
                                                     'ADMINISTRATOR')),
    organisation_code text NOT NULL,
    person_id         uuid,
    enabled           boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL
);

CREATE TABLE people (
    id                         uuid PRIMARY KEY,
    nhs_number                 text UNIQUE CHECK (nhs_number ~ '^[0-9]{10}$'),
    given_name                 text NOT NULL,
    family_name                text NOT NULL,
    date_of_birth              date NOT NULL,
    sex                        text NOT NULL CHECK (sex IN ('1', '2', '9', '0')),
    postcode                   text,
    responsible_organisation   text NOT NULL,
    analytics_pseudonym        text,
    created_by                 text NOT NULL,
    created_at                 timestamptz NOT NULL
);

ALTER TABLE accounts ADD CONSTRAINT accounts_person_fk FOREIGN KEY (person_id) REFERENCES people (id);

-- Representatives act for the person (a parent, a deputy, a lasting power of attorney);
-- nominees manage a direct payment on the person's behalf.
CREATE TABLE representatives (
    id           uuid PRIMARY KEY,
    person_id    uuid NOT NULL REFERENCES people (id),
    kind         text NOT NULL CHECK (kind IN ('REPRESENTATIVE', 'NOMINEE')),
    name         text NOT NULL,
    relationship text NOT NULL,
    contact      text,
    account_id   uuid REFERENCES accounts (id),
    added_by     text NOT NULL,
    added_at     timestamptz NOT NULL
);
CREATE INDEX representatives_person ON representatives (person_id);
CREATE INDEX representatives_account ON representatives (account_id);

-- The caseload: staff who work with a person. Record-level access rules read it.
CREATE TABLE care_team (
    person_id  uuid NOT NULL REFERENCES people (id),
    account_id uuid NOT NULL REFERENCES accounts (id),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (person_id, account_id)
);
CREATE INDEX care_team_account ON care_team (account_id);

-- Organisations involved with a person (a provider referred to), so a provider sees only them.
CREATE TABLE person_organisations (
    person_id         uuid NOT NULL REFERENCES people (id),
    organisation_code text NOT NULL,
    reason            text NOT NULL,
    since             timestamptz NOT NULL,
    PRIMARY KEY (person_id, organisation_code)
);

-- The personal health budget pathway of handbook 2.7.3, one per cohort.
CREATE TABLE pathways (
    cohort                      text PRIMARY KEY CHECK (cohort ~ '^[A-Z0-9_]{2,40}$'),
    description                 text NOT NULL,
    identifies                  text NOT NULL,
    refers                      text NOT NULL,
    assesses                    text NOT NULL,
    agrees_budget_and_plan      text NOT NULL,
    approves                    text NOT NULL,
    reviews                     text NOT NULL,
    panel                       text NOT NULL,
    approval_tolerance_percent  numeric(5,2) NOT NULL CHECK (approval_tolerance_percent >= 0),
    panel_threshold             numeric(12,2) NOT NULL CHECK (panel_threshold >= 0),
    approval_due_days           integer NOT NULL CHECK (approval_due_days > 0),
    updated_by                  text NOT NULL,
    updated_at                  timestamptz NOT NULL
);

CREATE TABLE referrals (
    id                     uuid PRIMARY KEY,
    person_id              uuid NOT NULL REFERENCES people (id),
    cohort                 text NOT NULL REFERENCES pathways (cohort),
    source                 text NOT NULL,
    referrer_name          text NOT NULL,
    referrer_organisation  text,
    reason                 text NOT NULL,
    received_on            date NOT NULL,
    status                 text NOT NULL CHECK (status IN ('RECEIVED', 'ELIGIBLE', 'NOT_ELIGIBLE')),
    created_by             text NOT NULL,
    created_at             timestamptz NOT NULL
);
CREATE INDEX referrals_person ON referrals (person_id);

CREATE TABLE eligibility_decisions (
    id              uuid PRIMARY KEY,
    referral_id     uuid NOT NULL UNIQUE REFERENCES referrals (id),
    person_id       uuid NOT NULL REFERENCES people (id),
    eligible        boolean NOT NULL,
    basis           text NOT NULL,
    local_criteria  text,
    age_group       text NOT NULL CHECK (age_group IN ('ADULT', 'CHILD')),
    reasons         text NOT NULL,
    decided_by      text NOT NULL,
    decided_on      date NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX eligibility_person ON eligibility_decisions (person_id);

CREATE TABLE plans (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES people (id),
    draft           jsonb NOT NULL,
    agreed_versions integer NOT NULL DEFAULT 0,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX plans_person ON plans (person_id);

-- Every agreed version is kept whole; a version is never changed once agreed.
CREATE TABLE plan_versions (
    plan_id      uuid NOT NULL REFERENCES plans (id),
    version      integer NOT NULL CHECK (version > 0),
    content      jsonb NOT NULL,
    total_cost   numeric(12,2) NOT NULL,
    counts       boolean NOT NULL,
    agreed_on    date NOT NULL,
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE budgets (
    id                              uuid PRIMARY KEY,
    person_id                       uuid NOT NULL REFERENCES people (id),
    cohort                          text NOT NULL REFERENCES pathways (cohort),
    status                          text NOT NULL CHECK (status IN ('INDICATIVE', 'AWAITING_APPROVAL', 'APPROVED',
                                                                    'NOT_APPROVED', 'ACTIVE', 'ENDED')),
    age_group                       text NOT NULL CHECK (age_group IN ('ADULT', 'CHILD')),
    eligibility_category            text NOT NULL,
    indicative_amount               numeric(12,2) NOT NULL CHECK (indicative_amount >= 0),
    indicative_working              jsonb NOT NULL,
    indicative_source               text NOT NULL,
    plan_id                         uuid REFERENCES plans (id),
    plan_version                    integer,
    final_amount                    numeric(12,2) CHECK (final_amount >= 0),
    nhs_contribution                numeric(12,2),
    social_care_contribution        numeric(12,2),
    education_contribution          numeric(12,2),
    person_contribution             numeric(12,2) NOT NULL DEFAULT 0 CHECK (person_contribution >= 0),
    approval_level                  text CHECK (approval_level IN ('APPROVER', 'PANEL')),
    approval_due_on                 date,
    notional_amount                 numeric(12,2) NOT NULL DEFAULT 0 CHECK (notional_amount >= 0),
    third_party_amount              numeric(12,2) NOT NULL DEFAULT 0 CHECK (third_party_amount >= 0),
    third_party_organisation        text,
    direct_payment_amount           numeric(12,2) NOT NULL DEFAULT 0 CHECK (direct_payment_amount >= 0),
    direct_payment_suitable         boolean,
    direct_payment_suitability_note text,
    direct_payment_withheld_reason  text,
    ongoing                         boolean NOT NULL,
    start_date                      date,
    end_date                        date,
    created_by                      text NOT NULL,
    created_at                      timestamptz NOT NULL,
    updated_at                      timestamptz NOT NULL,
    row_version                     integer NOT NULL DEFAULT 0
);
CREATE INDEX budgets_person ON budgets (person_id);

CREATE TABLE budget_decisions (
    id          uuid PRIMARY KEY,
    budget_id   uuid NOT NULL REFERENCES budgets (id),
    subject     text NOT NULL CHECK (subject IN ('BUDGET', 'MECHANISM_CHANGE')),
    level       text NOT NULL CHECK (level IN ('APPROVER', 'PANEL')),
    outcome     text NOT NULL CHECK (outcome IN ('APPROVED', 'NOT_APPROVED')),
    reasons     text NOT NULL,
    decided_by  text NOT NULL,
    decided_at  timestamptz NOT NULL
);
CREATE INDEX budget_decisions_budget ON budget_decisions (budget_id);

-- A change of mechanism on an active budget waits here for an approver.
CREATE TABLE mechanism_changes (
    id                        uuid PRIMARY KEY,
    budget_id                 uuid NOT NULL REFERENCES budgets (id),
    notional_amount           numeric(12,2) NOT NULL,
    third_party_amount        numeric(12,2) NOT NULL,
    third_party_organisation  text,
    direct_payment_amount     numeric(12,2) NOT NULL,
    reason                    text NOT NULL,
    status                    text NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'NOT_APPROVED')),
    requested_by              text NOT NULL,
    requested_at              timestamptz NOT NULL
);

CREATE TABLE reviews (
    id            uuid PRIMARY KEY,
    person_id     uuid NOT NULL REFERENCES people (id),
    budget_id     uuid NOT NULL REFERENCES budgets (id),
    kind          text NOT NULL,
    due_on        date NOT NULL,
    includes_financial_review boolean NOT NULL,
    completed_on  date,
    completed_by  text,
    outcome       text
);
CREATE INDEX reviews_person ON reviews (person_id);
CREATE INDEX reviews_due ON reviews (due_on) WHERE completed_on IS NULL;

-- Who did what to whose record, and every refusal. Append-only: the application never updates it.
CREATE TABLE audit_events (
    id            bigserial PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    username      text NOT NULL,
    role          text NOT NULL,
    organisation  text NOT NULL,
    person_id     uuid,
    record_type   text NOT NULL,
    record_id     text,
    action        text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
    purpose       text,
    flagged       boolean NOT NULL DEFAULT false
);
CREATE INDEX audit_person ON audit_events (person_id);
CREATE INDEX audit_flagged ON audit_events (occurred_at) WHERE flagged;
