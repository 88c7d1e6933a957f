package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the ledger from its postings and checks it: every budget account's balance against
 * the sum of its postings (there must be no drift), every transaction nets to zero, and every
 * budget's hash chain is whole (an edited, removed or inserted transaction breaks it).
 */
@Component
public class Reconciliation {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    Reconciliation(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        // One consistent view of the whole ledger, however busy it is while reconciliation reads.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** Reconciliation over a database outside a running platform (the {@code almoner reconcile} command). */
    public static Reconciliation over(DataSource database) {
        return new Reconciliation(JdbcClient.create(database), new JdbcTransactionManager(database));
    }

    /** What reconciliation found. Clean when every list is empty. */
    public record Report(long budgets, long transactions, long postings, BigDecimal total, List<String> drifts,
            List<String> unbalancedTransactions, List<String> brokenChains) {

        public boolean clean() {
            return drifts.isEmpty() && unbalancedTransactions.isEmpty() && brokenChains.isEmpty() && total.signum() == 0;
        }
    }

    public Report run() {
        return snapshot.execute(status -> reconcile());
    }

    private Report reconcile() {
        List<String> drifts = jdbc.sql("""
                        SELECT a.id, a.kind, a.budget_id, a.balance, coalesce(sum(p.amount), 0) AS derived
                        FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
                        WHERE a.budget_id IS NOT NULL
                        GROUP BY a.id, a.kind, a.budget_id, a.balance
                        HAVING a.balance <> coalesce(sum(p.amount), 0)
                        ORDER BY a.budget_id, a.kind
                        """)
                .query((row, number) -> "budget " + row.getString("budget_id") + " " + row.getString("kind") + ": recorded "
                        + row.getBigDecimal("balance") + ", postings sum to " + row.getBigDecimal("derived"))
                .list();
        List<String> unbalanced = jdbc.sql("""
                        SELECT t.id, coalesce(sum(p.amount), 0) AS total, count(p.id) AS lines
                        FROM ledger_transactions t LEFT JOIN ledger_postings p ON p.transaction_id = t.id
                        GROUP BY t.id HAVING coalesce(sum(p.amount), 0) <> 0 OR count(p.id) < 2
                        """)
                .query((row, number) -> "transaction " + row.getString("id") + ": " + row.getLong("lines") + " postings summing to "
                        + row.getBigDecimal("total"))
                .list();
        List<String> broken = new ArrayList<>();
        List<UUID> budgets = jdbc.sql("SELECT budget_id FROM ledger_budgets ORDER BY budget_id").query(UUID.class).list();
        for (UUID budget : budgets) {
            checkChain(budget, broken);
        }
        long transactions = jdbc.sql("SELECT count(*) FROM ledger_transactions").query(Long.class).single();
        long postings = jdbc.sql("SELECT count(*) FROM ledger_postings").query(Long.class).single();
        BigDecimal total = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM ledger_postings").query(BigDecimal.class).single();
        return new Report(budgets.size(), transactions, postings, total, drifts, unbalanced, broken);
    }

    private void checkChain(UUID budget, List<String> broken) {
        byte[] expected = HashChain.START;
        long sequence = 0;
        List<UUID> ids = jdbc.sql("SELECT id FROM ledger_transactions WHERE budget_id = ? ORDER BY sequence").param(budget)
                .query(UUID.class).list();
        for (UUID id : ids) {
            ChainLink link = jdbc.sql("SELECT * FROM ledger_transactions WHERE id = ?").param(id)
                    .query((row, number) -> new ChainLink(row.getLong("sequence"), TransactionKind.valueOf(row.getString("kind")),
                            row.getDate("effective_on").toLocalDate(), row.getObject("reverses", UUID.class), row.getBytes("previous_hash"),
                            row.getBytes("hash")))
                    .single();
            List<Posting> postings = jdbc.sql("""
                            SELECT a.kind, a.party, p.amount FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
                            WHERE p.transaction_id = ?
                            """).param(id)
                    .query((row, number) -> new Posting(AccountKind.valueOf(row.getString("kind")), row.getString("party"),
                            row.getBigDecimal("amount")))
                    .list();
            sequence++;
            if (link.sequence() != sequence) {
                broken.add("budget " + budget + ": transaction " + sequence + " is missing (found " + link.sequence() + " next)");
                return;
            }
            byte[] recomputed = HashChain.next(expected, id, budget, link.sequence(), link.kind(), link.effectiveOn(), link.reverses(), postings);
            if (!Arrays.equals(link.previousHash(), expected) || !Arrays.equals(link.hash(), recomputed)) {
                broken.add("budget " + budget + ": transaction " + link.sequence() + " (" + id + ") does not match its hash: it was changed");
                return;
            }
            expected = link.hash();
        }
        byte[] head = jdbc.sql("SELECT last_hash FROM ledger_budgets WHERE budget_id = ?").param(budget).query(byte[].class).single();
        long last = jdbc.sql("SELECT last_sequence FROM ledger_budgets WHERE budget_id = ?").param(budget).query(Long.class).single();
        if (last != sequence || !Arrays.equals(head, expected)) {
            broken.add("budget " + budget + ": the chain ends at transaction " + sequence + " but " + last
                    + " were posted: transactions were removed");
        }
    }

    private record ChainLink(long sequence, TransactionKind kind, java.time.LocalDate effectiveOn, UUID reverses, byte[] previousHash,
            byte[] hash) {}
}
