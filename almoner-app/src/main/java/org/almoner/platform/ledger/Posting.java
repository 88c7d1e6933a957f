package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a transaction: an account and a signed amount (positive into the account, negative
 * out of it). A transaction's postings sum to zero.
 */
public record Posting(AccountKind kind, String party, BigDecimal amount) {

    public Posting {
        requireNonNull(kind, "kind is null");
        requireNonNull(amount, "amount is null");
        if (amount.signum() == 0) {
            throw new IllegalArgumentException("a posting of zero says nothing");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (kind.ofABudget() != (party == null)) {
            throw new IllegalArgumentException(kind + (kind.ofABudget() ? " belongs to the budget and names no party" : " needs a party"));
        }
    }

    static Posting into(AccountKind kind, BigDecimal amount) {
        return new Posting(kind, null, amount);
    }

    static Posting outOf(AccountKind kind, BigDecimal amount) {
        return new Posting(kind, null, amount.negate());
    }

    Posting negated() {
        return new Posting(kind, party, amount.negate());
    }
}
