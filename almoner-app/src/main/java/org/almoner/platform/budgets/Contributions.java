package org.almoner.platform.budgets;

import java.math.BigDecimal;

/**
 * Who pays for an integrated budget: the NHS, social care and education parts (from the funding
 * source of each plan line), and the person's own assessed contribution to the social care part.
 */
public record Contributions(BigDecimal nhs, BigDecimal socialCare, BigDecimal education, BigDecimal person) {

    public static final Contributions NONE = new Contributions(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    /** The part paid from public money: everything but the person's own contribution. */
    public BigDecimal publicFunding() {
        return nhs.add(socialCare).add(education).subtract(person);
    }
}
