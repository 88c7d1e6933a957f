package org.almoner.platform.ledger;

/** The kinds of ledger account. The first four belong to one budget; the others are outside parties. */
public enum AccountKind {
    /** The budget's money held notionally by the NHS or council. */
    BUDGET_NOTIONAL(true),
    /** The budget's money an independent organisation holds for the person. */
    BUDGET_THIRD_PARTY(true),
    /** The budget's money not yet transferred to the person's direct payment account. */
    BUDGET_DIRECT_PAYMENT(true),
    /** Money transferred to the person's direct payment account and not yet reported spent. */
    DIRECT_PAYMENT_HELD(true),
    /** Direct payment money the person reported spending, with evidence. */
    DIRECT_PAYMENT_SPENT(true),
    /** The commissioner's funding the budgets are drawn from and returned to. */
    COMMISSIONER_FUNDING(false),
    /** What has been paid to one provider. */
    PROVIDER_PAID(false);

    private final boolean ofABudget;

    AccountKind(boolean ofABudget) {
        this.ofABudget = ofABudget;
    }

    public boolean ofABudget() {
        return ofABudget;
    }

    /** True for the accounts whose balance may never fall below zero (beyond the contingency for the pots). */
    boolean mustNotGoNegative() {
        return this == BUDGET_NOTIONAL || this == BUDGET_THIRD_PARTY || this == BUDGET_DIRECT_PAYMENT || this == DIRECT_PAYMENT_HELD;
    }
}
