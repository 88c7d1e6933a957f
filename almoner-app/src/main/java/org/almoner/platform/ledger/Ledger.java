package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts transactions and reads balances. The only writer of the ledger tables.
 *
 * <p>Each posting locks the budget's ledger row first, so transactions on one budget take turns:
 * the balance checked is the balance written, and no two payments can together overspend. Locks
 * are taken in one order (one budget per transaction), and a transaction that still meets a
 * deadlock or serialization failure is retried, never reported to the caller.
 */
@Component
public class Ledger {

    private static final int ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, UUID> parties = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each budget's own accounts by kind: made when its ledger opens and never changed, so kept once read. */
    private final Map<UUID, Map<AccountKind, UUID>> budgetAccounts = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int BUDGETS_KEPT = 100_000;

    Ledger(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What to post. */
    public record Proposal(UUID budgetId, TransactionKind kind, String description, Integer planLine, UUID reverses,
            LocalDate effectiveOn, List<Posting> postings) {

        public Proposal {
            requireNonNull(budgetId, "budgetId is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(description, "description is null");
            requireNonNull(effectiveOn, "effectiveOn is null");
            postings = List.copyOf(postings);
            BigDecimal sum = postings.stream().map(Posting::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (postings.size() < 2 || sum.signum() != 0) {
                throw new IllegalArgumentException("a transaction needs two or more postings summing to zero, not " + postings);
            }
        }
    }

    /** A posted transaction, and whether this request only replayed an earlier one with the same key. */
    public record Posted(LedgerEntry entry, boolean replayed) {}

    /**
     * Posts the proposal once for its idempotency key: the same key with the same request gives back
     * the original transaction; with a different request it is refused.
     */
    public Posted post(Proposal proposal, String idempotencyKey, String requestHash, String recordedBy) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside the caller's transaction (a budget starting): it commits or retries as a whole.
            return postOnce(proposal, idempotencyKey, requestHash, recordedBy, false);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> postOnce(proposal, idempotencyKey, requestHash, recordedBy, true));
            } catch (TransientDataAccessException | DuplicateKeyException contention) {
                // A deadlock, a serialization failure, or the same key arriving twice at once: try again;
                // the next attempt sees the other's work.
                if (attempt == ATTEMPTS) {
                    throw new PlatformException(PlatformErrorCode.BUSY, "The ledger is very busy. Nothing was posted; send the same request again.");
                }
                pause(attempt);
            }
        }
    }

    /** Opens a budget's ledger: its accounts, and the start of its hash chain. Opening twice does nothing. */
    public void open(UUID budgetId, BigDecimal contingency) {
        int opened = jdbc.sql("""
                        INSERT INTO ledger_budgets (budget_id, contingency, last_sequence, last_hash, opened_at)
                        VALUES (?, ?, 0, ?, ?) ON CONFLICT DO NOTHING
                        """)
                .params(budgetId, contingency, HashChain.START, Timestamp.from(clock.instant())).update();
        if (opened == 1) {
            for (AccountKind kind : AccountKind.values()) {
                if (kind.ofABudget()) {
                    jdbc.sql("INSERT INTO ledger_accounts (id, kind, budget_id, party) VALUES (?, ?, ?, NULL)")
                            .params(UUID.randomUUID(), kind.name(), budgetId).update();
                }
            }
        }
    }

    public boolean isOpen(UUID budgetId) {
        return jdbc.sql("SELECT count(*) FROM ledger_budgets WHERE budget_id = ?").param(budgetId).query(Long.class).single() > 0;
    }

    /** The balance of each of the budget's accounts, derived from its postings as they were posted. */
    public Map<AccountKind, BigDecimal> balances(UUID budgetId) {
        Map<AccountKind, BigDecimal> balances = new EnumMap<>(AccountKind.class);
        jdbc.sql("SELECT kind, balance FROM ledger_accounts WHERE budget_id = ?").param(budgetId)
                .query((row, number) -> balances.put(AccountKind.valueOf(row.getString("kind")), row.getBigDecimal("balance")))
                .list();
        return balances;
    }

    public BigDecimal contingency(UUID budgetId) {
        return jdbc.sql("SELECT contingency FROM ledger_budgets WHERE budget_id = ?").param(budgetId).query(BigDecimal.class)
                .optional().orElse(BigDecimal.ZERO);
    }

    public List<LedgerEntry> entries(UUID budgetId) {
        return jdbc.sql("SELECT * FROM ledger_transactions WHERE budget_id = ? ORDER BY sequence").param(budgetId)
                .query(this::mapEntry).list();
    }

    public Optional<LedgerEntry> entry(UUID transactionId) {
        return jdbc.sql("SELECT * FROM ledger_transactions WHERE id = ?").param(transactionId).query(this::mapEntry).optional();
    }

    /** True when a later transaction already reverses this one. */
    public boolean reversed(UUID transactionId) {
        return jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE reverses = ?").param(transactionId).query(Long.class).single() > 0;
    }

    /**
     * Posts in the current transaction.
     *
     * @param committedLedger the budget's ledger was opened by an earlier, committed transaction (not the caller's
     *     own), so its account ids may be kept
     */
    private Posted postOnce(Proposal proposal, String idempotencyKey, String requestHash, String recordedBy, boolean committedLedger) {
        // One round trip takes the budget's lock and asks whether the key was used and the month closed.
        // A key posted by another request while this one waited for the lock is not seen here, but its
        // unique index refuses the insert below, and the retry then finds and replays it.
        List<Map<String, Object>> locked = jdbc.sql("""
                        SELECT b.contingency, b.last_sequence, b.last_hash,
                               (SELECT t.id FROM ledger_transactions t WHERE t.idempotency_key = ?) AS replay_of,
                               EXISTS (SELECT 1 FROM ledger_closed_periods c WHERE c.month = ?) AS period_closed
                        FROM ledger_budgets b WHERE b.budget_id = ? FOR UPDATE OF b
                        """)
                .params(idempotencyKey, Date.valueOf(proposal.effectiveOn().withDayOfMonth(1)), proposal.budgetId()).query().listOfRows();
        if (locked.isEmpty()) {
            Optional<Posted> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
            throw new PlatformException(PlatformErrorCode.LEDGER_NOT_OPEN, "This budget has not started, so nothing can be paid from it yet.");
        }
        Map<String, Object> chain = locked.getFirst();
        if (chain.get("replay_of") != null) {
            return replay(idempotencyKey, requestHash).orElseThrow();
        }
        if (proposal.reverses() != null && reversed(proposal.reverses())) {
            throw new PlatformException(PlatformErrorCode.ALREADY_REVERSED, "Transaction " + proposal.reverses() + " was already reversed.");
        }
        if ((Boolean) chain.get("period_closed")) {
            LocalDate month = proposal.effectiveOn().withDayOfMonth(1);
            throw new PlatformException(PlatformErrorCode.PERIOD_CLOSED, "effectiveOn", month.getMonth() + " " + month.getYear()
                    + " is closed. Post it with a date in an open month.");
        }
        BigDecimal contingency = (BigDecimal) chain.get("contingency");
        Map<AccountKind, UUID> own = accountsOf(proposal.budgetId(), committedLedger);
        List<UUID> accounts = new ArrayList<>();
        Map<UUID, BigDecimal> balanceChanges = new LinkedHashMap<>();
        Map<UUID, AccountKind> kinds = new java.util.HashMap<>();
        for (Posting posting : proposal.postings()) {
            if (!posting.kind().ofABudget()) {
                accounts.add(party(posting));
                continue;
            }
            UUID account = own.get(posting.kind());
            accounts.add(account);
            kinds.put(account, posting.kind());
            balanceChanges.merge(account, posting.amount(), BigDecimal::add);
        }
        // The lowest each account taken from may go: the balance check happens in the write itself, on the rows
        // as they are now (this transaction holds the budget's lock, so no other posting can move them).
        Map<UUID, BigDecimal> floors = new java.util.HashMap<>();
        balanceChanges.forEach((account, change) -> {
            AccountKind kind = kinds.get(account);
            if (kind.mustNotGoNegative() && change.signum() < 0) {
                floors.put(account, kind == AccountKind.DIRECT_PAYMENT_HELD ? BigDecimal.ZERO : contingency.negate());
            }
        });
        long sequence = ((Number) chain.get("last_sequence")).longValue() + 1;
        byte[] previous = (byte[]) chain.get("last_hash");
        UUID id = UUID.randomUUID();
        byte[] hash = HashChain.next(previous, id, proposal.budgetId(), sequence, proposal.kind(), proposal.effectiveOn(),
                proposal.reverses(), proposal.postings());
        java.time.Instant recordedAt = clock.instant();
        // The transaction, its postings, the balances they move and the chain's new end, in one statement:
        // the trigger on ledger_postings checks as the statement ends that the postings sum to zero.
        StringBuilder write = new StringBuilder("""
                WITH posted AS (
                    INSERT INTO ledger_transactions (id, budget_id, sequence, kind, description, plan_line, reverses, idempotency_key,
                                                     request_hash, effective_on, recorded_by, recorded_at, previous_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),
                postings AS (
                    INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES\s""");
        List<Object> values = new ArrayList<>(List.of(id, proposal.budgetId(), sequence, proposal.kind().name(), proposal.description()));
        values.add(proposal.planLine());
        values.add(proposal.reverses());
        values.addAll(List.of(idempotencyKey, requestHash, Date.valueOf(proposal.effectiveOn()), recordedBy, Timestamp.from(recordedAt),
                previous, hash));
        for (int index = 0; index < proposal.postings().size(); index++) {
            write.append(index == 0 ? "" : ", ").append("(CAST(? AS uuid), CAST(? AS uuid), CAST(? AS numeric))");
            values.addAll(List.of(id, accounts.get(index), proposal.postings().get(index).amount()));
        }
        write.append(")");
        if (!balanceChanges.isEmpty()) {
            // An account with a floor moves only if it stays at or above it; one that would not is left alone,
            // found missing from what this returns, and the whole transaction rolled back.
            write.append(", balances AS (UPDATE ledger_accounts a SET balance = a.balance + v.amount FROM (VALUES ");
            boolean first = true;
            for (Map.Entry<UUID, BigDecimal> change : balanceChanges.entrySet()) {
                write.append(first ? "" : ", ").append("(CAST(? AS uuid), CAST(? AS numeric), CAST(? AS numeric))");
                values.add(change.getKey());
                values.add(change.getValue());
                values.add(floors.get(change.getKey()));
                first = false;
            }
            write.append(") AS v (id, amount, floor) WHERE a.id = v.id AND (v.floor IS NULL OR a.balance + v.amount >= v.floor)")
                    .append(" RETURNING a.id)");
        } else {
            write.append(", balances AS (SELECT NULL::uuid AS id WHERE false)");
        }
        write.append("\nUPDATE ledger_budgets SET last_sequence = ?, last_hash = ? WHERE budget_id = ?")
                .append(" RETURNING ARRAY(SELECT id::text FROM balances) AS moved");
        values.addAll(List.of(sequence, hash, proposal.budgetId()));
        List<UUID> moved = jdbc.sql(write.toString()).params(values)
                .query((row, number) -> java.util.Arrays.stream((String[]) row.getArray("moved").getArray()).map(UUID::fromString).toList())
                .single();
        if (moved.size() != balanceChanges.size()) {
            if (!committedLedger) {
                rollBackCallersTransaction();
            }
            throw insufficientFunds(proposal.budgetId(), balanceChanges, floors, kinds, moved);
        }
        return new Posted(new LedgerEntry(id, proposal.budgetId(), sequence, proposal.kind(), proposal.description(), proposal.planLine(),
                proposal.reverses(), proposal.effectiveOn(), recordedBy, recordedAt, proposal.postings(), LedgerEntry.hex(hash)), false);
    }

    /**
     * Why the write moved fewer balances than asked: an account it left unmoved, which would have gone below
     * its floor. Unmoved, it still holds what it held before this transaction; the transaction is rolled back.
     */
    private PlatformException insufficientFunds(UUID budgetId, Map<UUID, BigDecimal> changes, Map<UUID, BigDecimal> floors,
            Map<UUID, AccountKind> kinds, List<UUID> moved) {
        UUID unmoved = changes.keySet().stream().filter(account -> !moved.contains(account)).findFirst().orElseThrow();
        BigDecimal balance = jdbc.sql("SELECT balance FROM ledger_accounts WHERE id = ?").param(unmoved).query(BigDecimal.class).single();
        BigDecimal floor = floors.get(unmoved);
        return new PlatformException(PlatformErrorCode.INSUFFICIENT_FUNDS, "amount", "This would take " + describe(kinds.get(unmoved))
                + " below " + (floor.signum() == 0 ? "zero" : "its contingency") + ": it holds " + balance + " and "
                + changes.get(unmoved).negate() + " was asked for. Nothing was posted.");
    }

    /** In the caller's transaction the postings just written must not survive a caller that catches the refusal. */
    private static void rollBackCallersTransaction() {
        try {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } catch (org.springframework.transaction.NoTransactionException notDeclarative) {
            // A programmatic transaction: the exception thrown next rolls it back as it leaves the template.
        }
    }

    /** The budget's own accounts by kind; kept once read from a committed ledger. */
    private Map<AccountKind, UUID> accountsOf(UUID budgetId, boolean committedLedger) {
        Map<AccountKind, UUID> known = budgetAccounts.get(budgetId);
        if (known != null) {
            return known;
        }
        Map<AccountKind, UUID> read = new EnumMap<>(AccountKind.class);
        jdbc.sql("SELECT id, kind FROM ledger_accounts WHERE budget_id = ?").param(budgetId)
                .query((row, number) -> read.put(AccountKind.valueOf(row.getString("kind")), row.getObject("id", UUID.class))).list();
        // Accounts made in the caller's own transaction (a budget starting) are not kept: it may yet roll back.
        if (committedLedger) {
            if (budgetAccounts.size() >= BUDGETS_KEPT) {
                budgetAccounts.clear();
            }
            budgetAccounts.put(budgetId, Map.copyOf(read));
        }
        return read;
    }

    /** An outside party's account, made on first use; their ids never change, so they are kept once known. */
    private UUID party(Posting posting) {
        String key = posting.kind() + "|" + posting.party();
        UUID known = parties.get(key);
        if (known != null) {
            return known;
        }
        Optional<UUID> existing = jdbc.sql("SELECT id FROM ledger_accounts WHERE budget_id IS NULL AND kind = ? AND party = ?")
                .params(posting.kind().name(), posting.party()).query(UUID.class).optional();
        if (existing.isPresent()) {
            // Found before this transaction wrote anything, so it is committed and safe to keep.
            parties.put(key, existing.get());
            return existing.get();
        }
        jdbc.sql("""
                        INSERT INTO ledger_accounts (id, kind, budget_id, party) VALUES (?, ?, NULL, ?)
                        ON CONFLICT (kind, party) WHERE budget_id IS NULL DO NOTHING
                        """)
                .params(UUID.randomUUID(), posting.kind().name(), posting.party()).update();
        return jdbc.sql("SELECT id FROM ledger_accounts WHERE budget_id IS NULL AND kind = ? AND party = ?")
                .params(posting.kind().name(), posting.party()).query(UUID.class).single();
    }

    private Optional<Posted> replay(String idempotencyKey, String requestHash) {
        return jdbc.sql("SELECT * FROM ledger_transactions WHERE idempotency_key = ?").param(idempotencyKey)
                .query((row, number) -> {
                    if (!row.getString("request_hash").equals(requestHash)) {
                        throw new PlatformException(PlatformErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                                "The idempotency key '" + idempotencyKey + "' was already used for a different request. "
                                        + "Use a new key for a new payment; resend the same request to get the first answer.");
                    }
                    return new Posted(mapEntry(row, number), true);
                })
                .optional();
    }

    private LedgerEntry mapEntry(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        List<Posting> postings = jdbc.sql("""
                        SELECT a.kind, a.party, p.amount FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
                        WHERE p.transaction_id = ? ORDER BY p.id
                        """).param(id)
                .query((posting, n) -> new Posting(AccountKind.valueOf(posting.getString("kind")), posting.getString("party"),
                        posting.getBigDecimal("amount")))
                .list();
        return new LedgerEntry(id, row.getObject("budget_id", UUID.class), row.getLong("sequence"),
                TransactionKind.valueOf(row.getString("kind")), row.getString("description"), (Integer) row.getObject("plan_line"),
                row.getObject("reverses", UUID.class), row.getDate("effective_on").toLocalDate(), row.getString("recorded_by"),
                row.getTimestamp("recorded_at").toInstant(), postings, LedgerEntry.hex(row.getBytes("hash")));
    }

    private static String describe(AccountKind kind) {
        return switch (kind) {
            case BUDGET_NOTIONAL -> "the notional budget";
            case BUDGET_THIRD_PARTY -> "the third-party budget";
            case BUDGET_DIRECT_PAYMENT -> "the direct payment still to transfer";
            case DIRECT_PAYMENT_HELD -> "the direct payment account";
            default -> kind.name();
        };
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PlatformException(PlatformErrorCode.BUSY, "Interrupted while the ledger was busy. Send the same request again.");
        }
    }

    static List<Posting> negate(List<Posting> postings) {
        return postings.stream().map(Posting::negated).toList();
    }
}
