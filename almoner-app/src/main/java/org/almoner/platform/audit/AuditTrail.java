package org.almoner.platform.audit;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads the audit trail.
 *
 * <p>An entry is committed before {@link #record} returns, in its own transaction, whatever becomes
 * of the caller's (a refusal rolls the caller's work back; its audit line must stay). Entries from
 * requests arriving together share one commit: a single writer takes everything waiting, writes it
 * in one statement and one commit, then lets all those requests go on.
 */
@Component
public class AuditTrail implements DisposableBean {

    private static final int MOST_AT_ONCE = 256;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;

    private record Waiting(AuditEntry entry, CompletableFuture<Void> written) {}

    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writer = Thread.ofPlatform().daemon().name("audit-writer").start(this::writeWhileRunning);
    }

    /** Adds an entry and returns once it is committed. */
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Adds entries (a list of people shown at once) and returns once all are committed, in one commit or few. */
    public void recordAll(List<AuditEntry> entries) {
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (AuditEntry entry : entries) {
            Waiting mine = new Waiting(entry, new CompletableFuture<>());
            written.add(mine.written());
            waiting.add(mine);
        }
        try {
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the audit trail", interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("The audit trail could not be written, so the request did not go ahead: " + failure.getMessage(), failure);
        }
    }

    private void writeWhileRunning() {
        List<Waiting> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException stopping) {
                return;
            }
            waiting.drainTo(batch, MOST_AT_ONCE - 1);
            try {
                ownTransaction.executeWithoutResult(status -> insert(batch));
                batch.forEach(done -> done.written().complete(null));
            } catch (RuntimeException failure) {
                batch.forEach(done -> done.written().completeExceptionally(failure));
            }
            batch.clear();
        }
    }

    private void insert(List<Waiting> batch) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO audit_events (occurred_at, username, role, organisation, person_id, record_type,
                                          record_id, action, outcome, purpose, flagged) VALUES
                """);
        List<Object> values = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            AuditEntry entry = batch.get(index).entry();
            sql.append(index == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(java.util.Arrays.asList(Timestamp.from(entry.occurredAt()), entry.username(), entry.role(), entry.organisation(),
                    entry.personId(), entry.recordType(), entry.recordId(), entry.action(), entry.outcome().name(), entry.purpose(),
                    entry.flagged()));
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    @Override
    public void destroy() {
        writer.interrupt();
    }

    /** The newest entries first, optionally only one person's or only those flagged for review. */
    public List<AuditEntry> search(UUID personId, boolean flaggedOnly, int limit) {
        return jdbc.sql("""
                        SELECT * FROM audit_events
                        WHERE (CAST(:personId AS uuid) IS NULL OR person_id = :personId)
                          AND (NOT :flaggedOnly OR flagged)
                        ORDER BY id DESC
                        LIMIT :limit
                        """)
                .param("personId", personId)
                .param("flaggedOnly", flaggedOnly)
                .param("limit", limit)
                .query((row, number) -> new AuditEntry(
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getString("username"),
                        row.getString("role"),
                        row.getString("organisation"),
                        row.getObject("person_id", UUID.class),
                        row.getString("record_type"),
                        row.getString("record_id"),
                        row.getString("action"),
                        AuditOutcome.valueOf(row.getString("outcome")),
                        row.getString("purpose"),
                        row.getBoolean("flagged")))
                .list();
    }
}
