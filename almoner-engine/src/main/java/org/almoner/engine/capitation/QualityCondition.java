package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A quality condition on the provider's share of a gain (IPC prospectus annex one, stage 3: the link
 * to quality and outcomes). When it is not met, {@code gainWithheldPercent} of the provider's gain is
 * withheld; losses are shared regardless.
 *
 * @param name what the condition is, like "personalised care and support plans for 90% of the cohort"
 * @param met whether it was met in the year
 * @param gainWithheldPercent share of the provider's gain withheld when unmet, 0 to 100
 */
public record QualityCondition(String name, boolean met, BigDecimal gainWithheldPercent) {

    public QualityCondition {
        requireNonNull(name, "name is null");
        requireNonNull(gainWithheldPercent, "gainWithheldPercent is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if (gainWithheldPercent.signum() < 0 || gainWithheldPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("gainWithheldPercent must be 0 to 100, got " + gainWithheldPercent);
        }
    }
}
