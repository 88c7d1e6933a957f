package org.almoner.platform.reviews;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A scheduled review, and its outcome once held. */
public record Review(UUID id, UUID personId, UUID budgetId, ReviewKind kind, LocalDate dueOn, boolean includesFinancialReview,
        Optional<LocalDate> completedOn, Optional<String> completedBy, Optional<String> outcome) {

    public Review {
        requireNonNull(id, "id is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(budgetId, "budgetId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(dueOn, "dueOn is null");
        requireNonNull(completedOn, "completedOn is null");
        requireNonNull(completedBy, "completedBy is null");
        requireNonNull(outcome, "outcome is null");
    }

    public boolean overdueOn(LocalDate today) {
        return completedOn.isEmpty() && today.isAfter(dueOn);
    }
}
