package org.almoner.platform.budgets;

/** Where a budget is in its life. */
public enum BudgetStatus {
    /** Indicative amount known; plan not yet agreed or budget not yet submitted. */
    INDICATIVE,
    AWAITING_APPROVAL,
    APPROVED,
    /** Refused; it may be revised and submitted again. */
    NOT_APPROVED,
    ACTIVE,
    ENDED
}
