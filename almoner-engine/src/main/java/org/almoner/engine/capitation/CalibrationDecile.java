package org.almoner.engine.capitation;

/**
 * One tenth of the people, ranked by predicted annual cost: how the mean prediction compares with
 * what they really cost. A well calibrated model has a ratio near 1 in every decile.
 *
 * @param decile 1 (lowest predicted) to 10 (highest)
 * @param people people in the decile
 * @param meanPredicted mean predicted annual cost in pounds
 * @param meanActual mean actual annual cost in pounds
 */
public record CalibrationDecile(int decile, int people, double meanPredicted, double meanActual) {

    public CalibrationDecile {
        if (decile < 1 || decile > 10) {
            throw new IllegalArgumentException("decile must be 1 to 10, got " + decile);
        }
        if (people < 0) {
            throw new IllegalArgumentException("people must not be negative, got " + people);
        }
    }

    /** Actual over predicted; 1 is perfect, NaN when nothing was predicted. */
    public double ratio() {
        return meanPredicted == 0 ? Double.NaN : meanActual / meanPredicted;
    }
}
