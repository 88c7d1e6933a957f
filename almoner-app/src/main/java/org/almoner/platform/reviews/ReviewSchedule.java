package org.almoner.platform.reviews;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for when reviews fall due. A direct payment is reviewed three months after it starts
 * and then at least annually; any budget is reviewed at least annually; the financial review is
 * held with the plan review, so every scheduled review covers both.
 */
public final class ReviewSchedule {

    private ReviewSchedule() {}

    /** One review due on a date. */
    public record Due(ReviewKind kind, LocalDate dueOn) {}

    /** The reviews to schedule when a budget starts. */
    public static List<Due> forNewBudget(LocalDate start, boolean directPayment, boolean monthlyInFirstThreeMonths) {
        List<Due> due = new ArrayList<>();
        if (monthlyInFirstThreeMonths) {
            due.add(new Due(ReviewKind.EARLY_MONTHLY, start.plusMonths(1)));
            due.add(new Due(ReviewKind.EARLY_MONTHLY, start.plusMonths(2)));
        }
        if (directPayment) {
            due.add(new Due(ReviewKind.DIRECT_PAYMENT_THREE_MONTH, start.plusMonths(3)));
        }
        due.add(new Due(ReviewKind.ANNUAL, start.plusYears(1)));
        return List.copyOf(due);
    }

    /** The next annual review after one is held, unless the budget ends first. */
    public static List<Due> afterAnnualReview(LocalDate heldOn, LocalDate budgetEnd) {
        LocalDate next = heldOn.plusYears(1);
        return budgetEnd != null && !next.isBefore(budgetEnd) ? List.of() : List.of(new Due(ReviewKind.ANNUAL, next));
    }
}
