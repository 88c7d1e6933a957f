package org.almoner.engine.quality;

/**
 * A share: how many of how many, and its rating.
 *
 * @param count rows meeting the measure
 * @param outOf rows it was measured on; 0 when the measure does not apply
 * @param rating how good that is, against the thresholds of {@link QualityMeasures}
 */
public record Measure(long count, long outOf, Rating rating) {

    public Measure {
        if (count < 0 || outOf < 0 || count > outOf) {
            throw new IllegalArgumentException("count " + count + " must be between 0 and outOf " + outOf);
        }
    }

    public static Measure notApplicable() {
        return new Measure(0, 0, Rating.NOT_APPLICABLE);
    }

    /** The share from 0 to 1, or null when the measure does not apply. */
    public Double share() {
        return outOf == 0 ? null : (double) count / outOf;
    }
}
