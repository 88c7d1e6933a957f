package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.almoner.platform.pathways.ApprovalLevel;

/** A decision on a budget or on a change of its mechanisms: who, at what level, when, and why. */
public record ApprovalDecision(String subject, ApprovalLevel level, boolean approved, String reasons, String decidedBy,
        Instant decidedAt) {

    public ApprovalDecision {
        requireNonNull(subject, "subject is null");
        requireNonNull(level, "level is null");
        requireNonNull(reasons, "reasons is null");
        requireNonNull(decidedBy, "decidedBy is null");
        requireNonNull(decidedAt, "decidedAt is null");
    }
}
