package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of sharing the difference between a capitated amount and actual spend.
 *
 * @param capitatedAmount what the capitation paid for the year
 * @param actualSpend what the care actually cost
 * @param difference capitated less actual: positive is a gain (underspend), negative a loss
 * @param bands the difference falling in each corridor and the provider's part of it
 * @param qualityWithheld the provider's gain withheld because quality conditions were not met
 * @param providerShare the provider keeps this (gain, positive) or bears it (loss, negative)
 * @param commissionerShare the rest of the difference
 * @param settlement what the provider is finally paid: actual spend plus its share
 */
public record GainLossShare(BigDecimal capitatedAmount, BigDecimal actualSpend, BigDecimal difference,
        List<Band> bands, BigDecimal qualityWithheld, BigDecimal providerShare, BigDecimal commissionerShare,
        BigDecimal settlement) {

    public GainLossShare {
        requireNonNull(capitatedAmount, "capitatedAmount is null");
        requireNonNull(actualSpend, "actualSpend is null");
        requireNonNull(difference, "difference is null");
        bands = List.copyOf(requireNonNull(bands, "bands is null"));
        requireNonNull(qualityWithheld, "qualityWithheld is null");
        requireNonNull(providerShare, "providerShare is null");
        requireNonNull(commissionerShare, "commissionerShare is null");
        requireNonNull(settlement, "settlement is null");
    }

    /**
     * One corridor's part.
     *
     * @param corridor the band
     * @param differenceInBand the part of the difference (signed) in the band
     * @param providerPart the provider's part of it (signed), to the penny
     */
    public record Band(RiskCorridor corridor, BigDecimal differenceInBand, BigDecimal providerPart) {

        public Band {
            requireNonNull(corridor, "corridor is null");
            requireNonNull(differenceInBand, "differenceInBand is null");
            requireNonNull(providerPart, "providerPart is null");
        }
    }
}
