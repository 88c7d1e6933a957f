package org.almoner.platform.ledger;

/** What a ledger transaction did. */
public enum TransactionKind {
    /** Commissioner funding allocated to the budget's pots when it starts. */
    ALLOCATION,
    /** Money moved between the budget's pots when its mechanisms change. */
    REALLOCATION,
    /** An uplift or other bulk change, approved by a second person. */
    UPLIFT,
    /** A payment to a provider from the notional or third-party pot. */
    PROVIDER_PAYMENT,
    /** Money transferred to the person's direct payment account. */
    DIRECT_PAYMENT_TRANSFER,
    /** Direct payment spend the person reported, with evidence. */
    DIRECT_PAYMENT_SPEND,
    /** Unspent direct payment returned to the commissioner (a refund or a clawback). */
    DIRECT_PAYMENT_RETURN,
    /** The exact opposite of an earlier transaction: the only way to correct one. */
    REVERSAL
}
