package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The capitated amount beside actual spend for one group (a cohort, a provider or everyone) in the
 * payment year (IPC prospectus annex one, stage 3: shadow capitation).
 *
 * @param group what the line is for, like a cohort name or provider code
 * @param name a readable name (the provider's name; the cohort again for cohorts)
 * @param people people capitated in the group (for a provider: paid people it cared for in the year)
 * @param capitatedAmount what the capitation would have paid
 * @param actualSpend what the care cost
 */
public record ShadowLine(String group, String name, long people, BigDecimal capitatedAmount, BigDecimal actualSpend) {

    public ShadowLine {
        requireNonNull(group, "group is null");
        requireNonNull(name, "name is null");
        requireNonNull(capitatedAmount, "capitatedAmount is null");
        requireNonNull(actualSpend, "actualSpend is null");
    }

    /** Capitated less actual: positive is an underspend. */
    public BigDecimal difference() {
        return capitatedAmount.subtract(actualSpend);
    }
}
