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
            return postOnce(proposal, idempotencyKey, requestHash, recordedBy);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> postOnce(proposal, idempotencyKey, requestHash, recordedBy));
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

    private Posted postOnce(Proposal proposal, String idempotencyKey, String requestHash, String recordedBy) {
        Optional<Posted> replay = replay(idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        List<Map<String, Object>> locked = jdbc.sql("SELECT contingency, last_sequence, last_hash FROM ledger_budgets WHERE budget_id = ? FOR UPDATE")
                .param(proposal.budgetId()).query().listOfRows();
        if (locked.isEmpty()) {
            throw new PlatformException(PlatformErrorCode.LEDGER_NOT_OPEN, "This budget has not started, so nothing can be paid from it yet.");
        }
        Map<String, Object> chain = locked.getFirst();
        // Checked again under the lock: the same key may have been posted while this waited for it.
        replay = replay(idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (proposal.reverses() != null && reversed(proposal.reverses())) {
            throw new PlatformException(PlatformErrorCode.ALREADY_REVERSED, "Transaction " + proposal.reverses() + " was already reversed.");
        }
        requireOpenPeriod(proposal.effectiveOn());
        BigDecimal contingency = (BigDecimal) chain.get("contingency");
        Map<AccountKind, BudgetAccount> own = new EnumMap<>(AccountKind.class);
        jdbc.sql("SELECT id, kind, balance FROM ledger_accounts WHERE budget_id = ?").param(proposal.budgetId())
                .query((row, number) -> own.put(AccountKind.valueOf(row.getString("kind")),
                        new BudgetAccount(row.getObject("id", UUID.class), row.getBigDecimal("balance"))))
                .list();
        List<UUID> accounts = new ArrayList<>();
        for (Posting posting : proposal.postings()) {
            if (!posting.kind().ofABudget()) {
                accounts.add(party(posting));
                continue;
            }
            BudgetAccount account = own.get(posting.kind());
            accounts.add(account.id());
            if (posting.kind().mustNotGoNegative() && posting.amount().signum() < 0) {
                BigDecimal floor = posting.kind() == AccountKind.DIRECT_PAYMENT_HELD ? BigDecimal.ZERO : contingency.negate();
                if (account.balance().add(posting.amount()).compareTo(floor) < 0) {
                    throw new PlatformException(PlatformErrorCode.INSUFFICIENT_FUNDS, "amount", "This would take "
                            + describe(posting.kind()) + " below " + (floor.signum() == 0 ? "zero" : "its contingency")
                            + ": it holds " + account.balance() + " and " + posting.amount().negate() + " was asked for. Nothing was posted.");
                }
            }
        }
        long sequence = ((Number) chain.get("last_sequence")).longValue() + 1;
        byte[] previous = (byte[]) chain.get("last_hash");
        UUID id = UUID.randomUUID();
        byte[] hash = HashChain.next(previous, id, proposal.budgetId(), sequence, proposal.kind(), proposal.effectiveOn(),
                proposal.reverses(), proposal.postings());
        java.time.Instant recordedAt = clock.instant();
        jdbc.sql("""
                        INSERT INTO ledger_transactions (id, budget_id, sequence, kind, description, plan_line, reverses, idempotency_key,
                                                         request_hash, effective_on, recorded_by, recorded_at, previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, proposal.budgetId(), sequence, proposal.kind().name(), proposal.description(), proposal.planLine(),
                        proposal.reverses(), idempotencyKey, requestHash, Date.valueOf(proposal.effectiveOn()), recordedBy,
                        Timestamp.from(recordedAt), previous, hash)
                .update();
        // All postings in one statement, and every budget balance they touch in one more.
        StringBuilder postings = new StringBuilder("INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES ");
        StringBuilder balances = new StringBuilder();
        List<Object> postingValues = new ArrayList<>();
        List<Object> balanceValues = new ArrayList<>();
        for (int index = 0; index < proposal.postings().size(); index++) {
            Posting posting = proposal.postings().get(index);
            postings.append(index == 0 ? "" : ", ").append("(?, ?, ?)");
            postingValues.addAll(List.of(id, accounts.get(index), posting.amount()));
            if (posting.kind().ofABudget()) {
                balances.append(balances.isEmpty() ? "" : ", ").append("(CAST(? AS uuid), CAST(? AS numeric))");
                balanceValues.addAll(List.of(accounts.get(index), posting.amount()));
            }
        }
        jdbc.sql(postings.toString()).params(postingValues).update();
        if (!balances.isEmpty()) {
            jdbc.sql("UPDATE ledger_accounts a SET balance = a.balance + v.amount FROM (VALUES " + balances
                            + ") AS v (id, amount) WHERE a.id = v.id")
                    .params(balanceValues).update();
        }
        jdbc.sql("UPDATE ledger_budgets SET last_sequence = ?, last_hash = ? WHERE budget_id = ?")
                .params(sequence, hash, proposal.budgetId()).update();
        return new Posted(new LedgerEntry(id, proposal.budgetId(), sequence, proposal.kind(), proposal.description(), proposal.planLine(),
                proposal.reverses(), proposal.effectiveOn(), recordedBy, recordedAt, proposal.postings(), LedgerEntry.hex(hash)), false);
    }

    private record BudgetAccount(UUID id, BigDecimal balance) {}

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

    private void requireOpenPeriod(LocalDate effectiveOn) {
        LocalDate month = effectiveOn.withDayOfMonth(1);
        if (jdbc.sql("SELECT count(*) FROM ledger_closed_periods WHERE month = ?").param(Date.valueOf(month)).query(Long.class).single() > 0) {
            throw new PlatformException(PlatformErrorCode.PERIOD_CLOSED, "effectiveOn", month.getMonth() + " " + month.getYear()
                    + " is closed. Post it with a date in an open month.");
        }
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
