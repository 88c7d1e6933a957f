package org.almoner.platform.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 31);

    @Test
    void aDirectPaymentIsReviewedAtThreeMonthsAndThenAnnually() {
        assertThat(ReviewSchedule.forNewBudget(START, true, false)).containsExactly(
                new ReviewSchedule.Due(ReviewKind.DIRECT_PAYMENT_THREE_MONTH, LocalDate.of(2026, 4, 30)),
                new ReviewSchedule.Due(ReviewKind.ANNUAL, LocalDate.of(2027, 1, 31)));
    }

    @Test
    void monthlyReviewsInTheFirstThreeMonthsAreOptional() {
        assertThat(ReviewSchedule.forNewBudget(START, true, true)).extracting(ReviewSchedule.Due::dueOn).containsExactly(
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2027, 1, 31));
    }

    @Test
    void aBudgetWithoutADirectPaymentIsReviewedAtLeastAnnually() {
        assertThat(ReviewSchedule.forNewBudget(START, false, false))
                .containsExactly(new ReviewSchedule.Due(ReviewKind.ANNUAL, LocalDate.of(2027, 1, 31)));
    }

    @Test
    void theNextAnnualReviewFollowsTheOneHeldUnlessTheBudgetEndsFirst() {
        assertThat(ReviewSchedule.afterAnnualReview(LocalDate.of(2027, 2, 10), null))
                .containsExactly(new ReviewSchedule.Due(ReviewKind.ANNUAL, LocalDate.of(2028, 2, 10)));
        assertThat(ReviewSchedule.afterAnnualReview(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 12, 31))).isEmpty();
    }
}
