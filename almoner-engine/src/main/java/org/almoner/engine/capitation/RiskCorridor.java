package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One band of a gain/loss sharing agreement (IPC prospectus annex one, stage 3): of the difference
 * between the capitated amount and actual spend that falls between {@code fromPercent} and
 * {@code toPercent} of the capitated amount, the provider keeps (or bears) {@code providerSharePercent}.
 *
 * @param fromPercent where the band starts, as a percentage of the capitated amount
 * @param toPercent where it ends; null for no upper end
 * @param providerSharePercent the provider's share of the difference in the band, 0 to 100
 */
public record RiskCorridor(BigDecimal fromPercent, BigDecimal toPercent, BigDecimal providerSharePercent) {

    public RiskCorridor {
        requireNonNull(fromPercent, "fromPercent is null");
        requireNonNull(providerSharePercent, "providerSharePercent is null");
        if (fromPercent.signum() < 0) {
            throw new IllegalArgumentException("fromPercent must not be negative, got " + fromPercent);
        }
        if (toPercent != null && toPercent.compareTo(fromPercent) <= 0) {
            throw new IllegalArgumentException("toPercent " + toPercent + " must be above fromPercent " + fromPercent);
        }
        if (providerSharePercent.signum() < 0 || providerSharePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("providerSharePercent must be 0 to 100, got " + providerSharePercent);
        }
    }

    /** How the band reads in a report, like "2% to 5%: provider 50%". */
    public String label() {
        return fromPercent.stripTrailingZeros().toPlainString() + "% to "
                + (toPercent == null ? "any" : toPercent.stripTrailingZeros().toPlainString() + "%")
                + ": provider " + providerSharePercent.stripTrailingZeros().toPlainString() + "%";
    }
}
