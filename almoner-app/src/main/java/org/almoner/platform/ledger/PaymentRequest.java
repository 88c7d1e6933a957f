package org.almoner.platform.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.almoner.platform.problems.PlatformException;

/**
 * A payment asked for: from which pot, to whom, how much, for which line of the agreed plan.
 *
 * @param from NOTIONAL or THIRD_PARTY for a provider payment; DIRECT_PAYMENT for reported spend
 * @param planLine the index (from 0) of the line in the agreed plan that allows it; null when the
 *     plan does not cover it, in which case it waits for an approver
 * @param reason why, when the plan does not cover it
 */
public record PaymentRequest(Pot from, String payee, BigDecimal amount, Integer planLine, String description, LocalDate effectiveOn,
        String reason) {

    /** The pots a payment can come from. */
    public enum Pot { NOTIONAL, THIRD_PARTY, DIRECT_PAYMENT }

    public PaymentRequest {
        if (from == null) {
            throw PlatformException.invalid("from", "Say which part of the budget pays: NOTIONAL, THIRD_PARTY or DIRECT_PAYMENT.");
        }
        amount = PaymentRequest.positiveAmount(amount, "amount");
        if (description == null || description.isBlank()) {
            throw PlatformException.invalid("description", "Say what the payment is for.");
        }
        if (from != Pot.DIRECT_PAYMENT && (payee == null || payee.isBlank())) {
            throw PlatformException.invalid("payee", "Name the provider being paid (its organisation code).");
        }
        if (planLine != null && planLine < 0) {
            throw PlatformException.invalid("planLine", "A plan line is numbered from 0.");
        }
        payee = payee == null || payee.isBlank() ? null : payee.strip();
    }

    /** An amount of pounds and pence above zero. */
    static BigDecimal positiveAmount(BigDecimal amount, String field) {
        if (amount == null || amount.signum() <= 0) {
            throw PlatformException.invalid(field, "Give an amount in pounds and pence above zero.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw PlatformException.invalid(field, "Give pounds and pence: at most 2 decimal places.");
        }
        if (amount.compareTo(new BigDecimal("10000000")) >= 0) {
            throw PlatformException.invalid(field, "An amount of ten million pounds or more is not a budget payment. Check it.");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
