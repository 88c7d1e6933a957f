package org.almoner.platform.budgets;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A proposed change to how an active budget is held, waiting for an approver. */
public record MechanismChange(UUID id, UUID budgetId, Mechanisms proposed, String reason, String status, String requestedBy) {

    public MechanismChange {
        requireNonNull(id, "id is null");
        requireNonNull(budgetId, "budgetId is null");
        requireNonNull(proposed, "proposed is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(status, "status is null");
        requireNonNull(requestedBy, "requestedBy is null");
    }
}
