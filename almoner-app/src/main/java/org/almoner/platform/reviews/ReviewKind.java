package org.almoner.platform.reviews;

/** Why a review is due. */
public enum ReviewKind {
    /** A monthly check while a direct payment settles in (optional, first three months). */
    EARLY_MONTHLY,
    /** The review three months after a direct payment starts. */
    DIRECT_PAYMENT_THREE_MONTH,
    /** The plan review, held with the financial review, at least once a year. */
    ANNUAL
}
