package org.almoner.engine.generator;

/**
 * How often the generator corrupts a person's identifiers, so linkage has realistic work to do.
 * Rates are probabilities from 0 to 1.
 *
 * <p>NHS systems: {@code nhsNumberBlank} and {@code nhsNumberMistyped} apply to each row (a mistyped
 * number has one digit changed, which always breaks its modulus 11 check digit). Council and
 * voluntary sector systems hold their own client record, so the other errors apply once per person
 * and system and then repeat on every row of that person there; voluntary sector records are
 * {@code voluntarySectorMultiplier} times as error-prone.
 *
 * @param nhsNumberBlank NHS number missing on an NHS row
 * @param nhsNumberMistyped NHS number with one wrong digit on an NHS row
 * @param familyNameTypo one character of the family name substituted, deleted or transposed
 * @param nickname given name recorded as its familiar form (Robert as Bob), where it has one
 * @param dayAndMonthSwapped date of birth with day and month swapped, where that is still a date
 * @param previousPostcode postcode of a previous address (the person moved)
 * @param missingDateOfBirth date of birth blank
 * @param missingPostcode postcode blank
 * @param missingGivenName given name blank
 * @param voluntarySectorMultiplier how many times more often voluntary sector records have errors
 */
public record IdentifierErrorRates(double nhsNumberBlank, double nhsNumberMistyped, double familyNameTypo,
        double nickname, double dayAndMonthSwapped, double previousPostcode, double missingDateOfBirth,
        double missingPostcode, double missingGivenName, double voluntarySectorMultiplier) {

    public IdentifierErrorRates {
        for (double rate : new double[] {nhsNumberBlank, nhsNumberMistyped, familyNameTypo, nickname,
            dayAndMonthSwapped, previousPostcode, missingDateOfBirth, missingPostcode, missingGivenName}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("error rates must be from 0 to 1, got " + rate);
            }
        }
        if (!(voluntarySectorMultiplier >= 0 && voluntarySectorMultiplier <= 10)) {
            throw new IllegalArgumentException("voluntarySectorMultiplier must be from 0 to 10, got "
                    + voluntarySectorMultiplier);
        }
    }

    /** Rates in line with published linkage studies of council and NHS records: a few percent each. */
    public static IdentifierErrorRates typical() {
        return new IdentifierErrorRates(0.005, 0.001, 0.03, 0.10, 0.015, 0.06, 0.02, 0.03, 0.01, 2.0);
    }
}
