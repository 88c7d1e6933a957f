package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Services meeting the same need, paid for by two funders over overlapping dates: possibly funded twice, to be
 * checked before the joint budget is agreed (handbook 2019, 2.7.4 b, the cross-check).
 *
 * @param needMet                  the need both meet
 * @param firstFunder              one funder
 * @param firstServices            its services for that need
 * @param secondFunder             the other funder
 * @param secondServices           its services for that need
 * @param overlapFrom              first day both were in place
 * @param overlapTo                last day both were in place
 * @param amountPossiblyFundedTwice the smaller of the two costs
 */
public record DoubleFunding(String needMet, Funder firstFunder, String firstServices, Funder secondFunder, String secondServices,
        LocalDate overlapFrom, LocalDate overlapTo, BigDecimal amountPossiblyFundedTwice) {

    public DoubleFunding {
        requireNonNull(needMet, "needMet is null");
        requireNonNull(firstFunder, "firstFunder is null");
        requireNonNull(secondFunder, "secondFunder is null");
        requireNonNull(amountPossiblyFundedTwice, "amountPossiblyFundedTwice is null");
    }
}
