-- The budget ledger: double-entry and append-only. Every transaction's postings sum to zero,
-- checked by the database when the transaction commits; postings and transactions can be added
-- and read but never changed or removed, by the application's role (grants below) or by anyone
-- (triggers). Corrections are reversals.

CREATE TABLE ledger_budgets (
    budget_id        uuid PRIMARY KEY REFERENCES budgets (id),
    contingency      numeric(14,2) NOT NULL DEFAULT 0 CHECK (contingency >= 0),
    last_sequence    bigint NOT NULL DEFAULT 0,
    last_hash        bytea NOT NULL,
    opened_at        timestamptz NOT NULL
);

-- Accounts: a budget's pots (one per mechanism), the money a person holds as a direct payment, what
-- they reported spending, and the outside parties (the commissioner's funding, each provider).
CREATE TABLE ledger_accounts (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('COMMISSIONER_FUNDING', 'BUDGET_NOTIONAL', 'BUDGET_THIRD_PARTY',
                                              'BUDGET_DIRECT_PAYMENT', 'DIRECT_PAYMENT_HELD', 'DIRECT_PAYMENT_SPENT',
                                              'PROVIDER_PAID')),
    budget_id   uuid REFERENCES budgets (id),
    party       text,
    -- Kept for budget accounts only, in the same transaction as their postings; reconciliation
    -- recomputes it from the postings and reports any drift.
    balance     numeric(14,2) NOT NULL DEFAULT 0,
    UNIQUE (kind, budget_id, party)
);
CREATE UNIQUE INDEX ledger_accounts_party ON ledger_accounts (kind, party) WHERE budget_id IS NULL;

CREATE TABLE ledger_transactions (
    id               uuid PRIMARY KEY,
    budget_id        uuid NOT NULL REFERENCES budgets (id),
    sequence         bigint NOT NULL,
    kind             text NOT NULL,
    description      text NOT NULL,
    plan_line        integer,
    reverses         uuid REFERENCES ledger_transactions (id),
    idempotency_key  text NOT NULL UNIQUE,
    request_hash     text NOT NULL,
    effective_on     date NOT NULL,
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL,
    previous_hash    bytea NOT NULL,
    hash             bytea NOT NULL,
    UNIQUE (budget_id, sequence)
);
CREATE UNIQUE INDEX ledger_transactions_reversed_once ON ledger_transactions (reverses) WHERE reverses IS NOT NULL;

CREATE TABLE ledger_postings (
    id              bigserial PRIMARY KEY,
    transaction_id  uuid NOT NULL REFERENCES ledger_transactions (id),
    account_id      uuid NOT NULL REFERENCES ledger_accounts (id),
    amount          numeric(14,2) NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ledger_postings_transaction ON ledger_postings (transaction_id);
CREATE INDEX ledger_postings_account ON ledger_postings (account_id);

-- Evidence of direct payment spend (a receipt), kept with its digest.
CREATE TABLE ledger_evidence (
    transaction_id  uuid PRIMARY KEY REFERENCES ledger_transactions (id),
    file_name       text NOT NULL,
    content_type    text NOT NULL,
    sha256          text NOT NULL,
    content         bytea NOT NULL
);

-- Payments the plan does not cover wait here for an approver; approved, they post.
CREATE TABLE ledger_payment_requests (
    id              uuid PRIMARY KEY,
    budget_id       uuid NOT NULL REFERENCES budgets (id),
    request         jsonb NOT NULL,
    idempotency_key text NOT NULL UNIQUE,
    request_hash    text NOT NULL,
    reason          text NOT NULL,
    status          text NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'APPROVED', 'NOT_APPROVED')),
    requested_by    text NOT NULL,
    requested_at    timestamptz NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    transaction_id  uuid REFERENCES ledger_transactions (id)
);

-- Bulk changes (an annual uplift) wait for a second person before they post.
CREATE TABLE ledger_bulk_changes (
    id            uuid PRIMARY KEY,
    description   text NOT NULL,
    percent       numeric(7,3) NOT NULL,
    preview       jsonb NOT NULL,
    status        text NOT NULL CHECK (status IN ('PROPOSED', 'POSTED', 'REJECTED')),
    proposed_by   text NOT NULL,
    proposed_at   timestamptz NOT NULL,
    decided_by    text,
    decided_at    timestamptz
);

-- Closed months: nothing may be posted with an effective date inside one.
CREATE TABLE ledger_closed_periods (
    month       date PRIMARY KEY CHECK (extract(day FROM month) = 1),
    closed_by   text NOT NULL,
    closed_at   timestamptz NOT NULL
);

-- Every transaction nets to zero and has at least two postings, checked at commit.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
    lines integer;
BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM ledger_postings WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 OR lines < 2 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: % postings summing to %', NEW.transaction_id, lines, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_postings_balance AFTER INSERT ON ledger_postings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed; post a reversal instead', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- The application works as almoner_app: everything it needs, but the ledger and the audit trail
-- only to add and read. Migrations run as the schema's owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'almoner_app') THEN
        CREATE ROLE almoner_app NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA public TO almoner_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO almoner_app;
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_postings, ledger_transactions, ledger_evidence, audit_events FROM almoner_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO almoner_app;
REVOKE ALL ON flyway_schema_history FROM almoner_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO almoner_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO almoner_app;
-- A later migration that adds an append-only table revokes UPDATE and DELETE on it, as above.
