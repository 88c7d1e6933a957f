-- Every transaction nets to zero and has at least two postings: checked once for each statement that adds
-- postings, over every transaction it touched, rather than once per posting at commit. The platform writes
-- a transaction's postings in one statement, so a payment runs the check once instead of twice. It is
-- stricter than the deferred check it replaces: the rule must hold after every statement, not only at
-- commit, and postings can never be changed or removed, so a later statement cannot unbalance it either.
DROP TRIGGER ledger_postings_balance ON ledger_postings;
DROP FUNCTION ledger_transaction_balances();

CREATE FUNCTION ledger_transactions_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced record;
BEGIN
    SELECT t.transaction_id, sum(p.amount) AS total, count(*) AS lines INTO unbalanced
    FROM (SELECT DISTINCT transaction_id FROM added) t JOIN ledger_postings p ON p.transaction_id = t.transaction_id
    GROUP BY t.transaction_id
    HAVING sum(p.amount) <> 0 OR count(*) < 2
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: % postings summing to %', unbalanced.transaction_id,
            unbalanced.lines, unbalanced.total USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ledger_postings_balance AFTER INSERT ON ledger_postings
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger_transactions_balance();
