package org.almoner.platform.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.almoner.platform.problems.PlatformException;

/**
 * A line of the plan that carries money: the support chosen, who provides it, how often, what it
 * costs, who funds it and how it is managed.
 *
 * @param provider the provider's organisation code or name; blank for support the person buys themselves
 * @param unitsPerYear how many units a year (hours, sessions, weeks, items)
 * @param annualCost units per year times cost per unit, to the penny (worked out, never typed)
 */
public record PlanLine(String support, String provider, String frequency, BigDecimal unitsPerYear, String unit,
        BigDecimal unitCost, BigDecimal annualCost, FundingSource fundingSource, Management management) {

    public PlanLine {
        if (support == null || support.isBlank()) {
            throw PlatformException.invalid("support", "Describe the support chosen.");
        }
        if (frequency == null || frequency.isBlank()) {
            throw PlatformException.invalid("frequency", "Say how often, for example '3 hours a week'.");
        }
        if (unitsPerYear == null || unitsPerYear.signum() < 0 || unitsPerYear.scale() > 2) {
            throw PlatformException.invalid("unitsPerYear", "Give the units a year as a number of 0 or more, with at most 2 decimal places.");
        }
        if (unit == null || unit.isBlank()) {
            throw PlatformException.invalid("unit", "Give the unit, for example hour, session, week or item.");
        }
        if (unitCost == null || unitCost.signum() < 0 || unitCost.stripTrailingZeros().scale() > 2) {
            throw PlatformException.invalid("unitCost", "Give the cost of one unit in pounds and pence (0 or more, at most 2 decimal places).");
        }
        if (fundingSource == null) {
            throw PlatformException.invalid("fundingSource", "Say who funds this line: NHS, SOCIAL_CARE or EDUCATION.");
        }
        if (management == null) {
            throw PlatformException.invalid("management", "Say how it is managed: NOTIONAL, THIRD_PARTY or DIRECT_PAYMENT.");
        }
        unitCost = unitCost.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal worked = unitsPerYear.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
        if (annualCost != null && annualCost.compareTo(worked) != 0) {
            throw PlatformException.invalid("annualCost", "The annual cost " + annualCost + " is not units per year times cost per unit ("
                    + worked + "). Leave it out and it is worked out for you.");
        }
        annualCost = worked;
        provider = provider == null || provider.isBlank() ? null : provider.strip();
    }

    /** Who funds a line of an integrated budget. */
    public enum FundingSource { NHS, SOCIAL_CARE, EDUCATION }

    /** How a line is managed (handbook 2.7.4 g). */
    public enum Management { NOTIONAL, THIRD_PARTY, DIRECT_PAYMENT }
}
