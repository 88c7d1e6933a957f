package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A gain/loss sharing agreement: risk corridors over the difference between capitated amount and
 * actual spend, with quality conditions on the provider's gain (IPC prospectus annex one, stage 3;
 * handbook 3.1.3). All arithmetic is BigDecimal; each band's provider part is rounded to the penny
 * (half up) and the totals are the sums of the rounded parts, so the report adds up exactly.
 *
 * @param corridors bands from 0% upward with no gaps; the last may have no upper end
 * @param qualityConditions conditions on the provider's gain
 */
public record GainLossSharing(List<RiskCorridor> corridors, List<QualityCondition> qualityConditions) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public GainLossSharing {
        corridors = List.copyOf(requireNonNull(corridors, "corridors is null"));
        qualityConditions = List.copyOf(requireNonNull(qualityConditions, "qualityConditions is null"));
        if (corridors.isEmpty()) {
            throw new IllegalArgumentException("at least one corridor is needed");
        }
        if (corridors.get(0).fromPercent().signum() != 0) {
            throw new IllegalArgumentException("the first corridor must start at 0%, not " + corridors.get(0).fromPercent() + "%");
        }
        for (int i = 1; i < corridors.size(); i++) {
            BigDecimal previousEnd = corridors.get(i - 1).toPercent();
            if (previousEnd == null || previousEnd.compareTo(corridors.get(i).fromPercent()) != 0) {
                throw new IllegalArgumentException("corridor " + (i + 1) + " must start where corridor " + i + " ends ("
                        + (previousEnd == null ? "it has no end" : previousEnd + "%") + ")");
            }
        }
    }

    /** The common default: provider keeps or bears all of the first 2%, half of 2% to 5%, none beyond 5%. */
    public static GainLossSharing defaults() {
        return new GainLossSharing(List.of(
                new RiskCorridor(BigDecimal.ZERO, new BigDecimal("2"), HUNDRED),
                new RiskCorridor(new BigDecimal("2"), new BigDecimal("5"), new BigDecimal("50")),
                new RiskCorridor(new BigDecimal("5"), null, BigDecimal.ZERO)), List.of());
    }

    /** Shares the difference between {@code capitatedAmount} and {@code actualSpend}. */
    public GainLossShare share(BigDecimal capitatedAmount, BigDecimal actualSpend) {
        requireNonNull(capitatedAmount, "capitatedAmount is null");
        requireNonNull(actualSpend, "actualSpend is null");
        BigDecimal difference = capitatedAmount.subtract(actualSpend);
        BigDecimal size = difference.abs();
        int sign = difference.signum();
        List<GainLossShare.Band> bands = new ArrayList<>();
        BigDecimal providerShare = BigDecimal.ZERO.setScale(2);
        for (RiskCorridor corridor : corridors) {
            BigDecimal from = capitatedAmount.abs().multiply(corridor.fromPercent()).divide(HUNDRED);
            BigDecimal inBand = size.subtract(from).max(BigDecimal.ZERO);
            if (corridor.toPercent() != null) {
                BigDecimal width = capitatedAmount.abs().multiply(corridor.toPercent().subtract(corridor.fromPercent()))
                        .divide(HUNDRED);
                inBand = inBand.min(width);
            }
            BigDecimal providerPart = inBand.multiply(corridor.providerSharePercent()).divide(HUNDRED)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal signedInBand = inBand.setScale(2, RoundingMode.HALF_UP);
            if (sign < 0) {
                providerPart = providerPart.negate();
                signedInBand = signedInBand.negate();
            }
            bands.add(new GainLossShare.Band(corridor, signedInBand, providerPart));
            providerShare = providerShare.add(providerPart);
        }
        BigDecimal withheld = BigDecimal.ZERO.setScale(2);
        if (sign > 0) {
            BigDecimal withheldPercent = qualityConditions.stream().filter(condition -> !condition.met())
                    .map(QualityCondition::gainWithheldPercent).reduce(BigDecimal.ZERO, BigDecimal::add).min(HUNDRED);
            withheld = providerShare.multiply(withheldPercent).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
            providerShare = providerShare.subtract(withheld);
        }
        BigDecimal roundedDifference = difference.setScale(2, RoundingMode.HALF_UP);
        BigDecimal commissionerShare = roundedDifference.subtract(providerShare);
        BigDecimal settlement = actualSpend.setScale(2, RoundingMode.HALF_UP).add(providerShare);
        return new GainLossShare(capitatedAmount.setScale(2, RoundingMode.HALF_UP), actualSpend.setScale(2, RoundingMode.HALF_UP),
                roundedDifference, bands, withheld, providerShare, commissionerShare, settlement);
    }
}
