package org.almoner.platform.audit;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes and reads the audit trail. */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.ownTransaction = new TransactionTemplate(transactions);
        // A refusal rolls the caller's work back; its audit line must stay, so it commits on its own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Adds an entry, committed at once whatever becomes of the caller's transaction. */
    public void record(AuditEntry entry) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO audit_events (occurred_at, username, role, organisation, person_id, record_type,
                                                  record_id, action, outcome, purpose, flagged)
                        VALUES (:occurredAt, :username, :role, :organisation, :personId, :recordType,
                                :recordId, :action, :outcome, :purpose, :flagged)
                        """)
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("username", entry.username())
                .param("role", entry.role())
                .param("organisation", entry.organisation())
                .param("personId", entry.personId())
                .param("recordType", entry.recordType())
                .param("recordId", entry.recordId())
                .param("action", entry.action())
                .param("outcome", entry.outcome().name())
                .param("purpose", entry.purpose())
                .param("flagged", entry.flagged())
                .update());
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
