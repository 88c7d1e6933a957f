package org.almoner.platform.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when a budget starts. Reviews are scheduled from it, and the ledger opens the
 * budget's accounts from it.
 *
 * @param monthlyReviewsInFirstThreeMonths the team chose monthly reviews while the budget settles in
 */
public record BudgetActivated(UUID budgetId, UUID personId, BigDecimal amount, Mechanisms mechanisms, LocalDate startDate,
        boolean ongoing, LocalDate endDate, boolean monthlyReviewsInFirstThreeMonths) {

    public boolean hasDirectPayment() {
        return mechanisms.directPayment().signum() > 0;
    }
}
