package org.almoner.platform.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.almoner.platform.problems.PlatformException;

/**
 * How a budget is held, in any combination split by amount (handbook 2.7.4 g): notional (the NHS or
 * council holds the money), third-party (an independent organisation holds it) and direct payment
 * (the person holds it).
 *
 * @param thirdPartyOrganisation who holds the third-party part; needed when that part is above zero
 */
public record Mechanisms(BigDecimal notional, BigDecimal thirdParty, String thirdPartyOrganisation, BigDecimal directPayment) {

    public static final Mechanisms NONE = new Mechanisms(BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO);

    public Mechanisms {
        notional = amount(notional, "notional");
        thirdParty = amount(thirdParty, "thirdParty");
        directPayment = amount(directPayment, "directPayment");
        thirdPartyOrganisation = thirdPartyOrganisation == null || thirdPartyOrganisation.isBlank() ? null : thirdPartyOrganisation.strip();
        if (thirdParty.signum() > 0 && thirdPartyOrganisation == null) {
            throw PlatformException.invalid("thirdPartyOrganisation", "Name the organisation that holds the third-party part of the budget.");
        }
    }

    public BigDecimal total() {
        return notional.add(thirdParty).add(directPayment);
    }

    /** The same split with the direct payment part held notionally instead (or by the third party, when named). */
    Mechanisms withoutDirectPayment(boolean toThirdParty, String organisation) {
        if (toThirdParty) {
            return new Mechanisms(notional, thirdParty.add(directPayment), organisation == null ? thirdPartyOrganisation : organisation, BigDecimal.ZERO);
        }
        return new Mechanisms(notional.add(directPayment), thirdParty, thirdPartyOrganisation, BigDecimal.ZERO);
    }

    private static BigDecimal amount(BigDecimal value, String field) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0) {
            throw PlatformException.invalid(field, "An amount cannot be negative.");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw PlatformException.invalid(field, "Give pounds and pence, at most 2 decimal places.");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
