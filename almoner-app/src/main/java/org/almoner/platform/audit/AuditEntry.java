package org.almoner.platform.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail.
 *
 * @param personId the person whose data was reached, or null when none was (an account change)
 * @param purpose why, in the user's words, when they had to say (reaching outside their caseload)
 * @param flagged true when the access needs someone to look at it (outside the caseload)
 */
public record AuditEntry(
        Instant occurredAt,
        String username,
        String role,
        String organisation,
        UUID personId,
        String recordType,
        String recordId,
        String action,
        AuditOutcome outcome,
        String purpose,
        boolean flagged) {

    public AuditEntry {
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(username, "username is null");
        requireNonNull(role, "role is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(recordType, "recordType is null");
        requireNonNull(action, "action is null");
        requireNonNull(outcome, "outcome is null");
    }
}
