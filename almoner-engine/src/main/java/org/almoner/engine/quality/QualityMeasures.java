package org.almoner.engine.quality;

/**
 * Where ratings change. Set to flag what would mislead a budget: a field a fifth blank, or one
 * record in twenty invalid, changes who a cohort finds and what a budget is built from.
 */
public final class QualityMeasures {

    private QualityMeasures() {
    }

    /** Completeness: good from 95%, needs attention from 80%. */
    public static Measure completeness(long present, long rows) {
        return higherIsBetter(present, rows, 0.95, 0.80);
    }

    /**
     * Completeness shown for information, not rated: fields that are rightly blank in many rows (a
     * point of delivery outside hospital, a date of death) would otherwise drown the real gaps.
     */
    public static Measure informational(long present, long rows) {
        return rows == 0 ? Measure.notApplicable() : new Measure(present, rows, Rating.NOT_APPLICABLE);
    }

    /** Validity of the values present: good from 99%, needs attention from 95%. */
    public static Measure validity(long valid, long checked) {
        return higherIsBetter(valid, checked, 0.99, 0.95);
    }

    /** Use of defaults: good up to 1%, needs attention up to 5%. */
    public static Measure defaults(long defaults, long present) {
        if (present == 0) {
            return Measure.notApplicable();
        }
        double share = (double) defaults / present;
        return new Measure(defaults, present, share <= 0.01 ? Rating.GOOD : share <= 0.05 ? Rating.NEEDS_ATTENTION : Rating.POOR);
    }

    /** Timeliness, the share of records reaching the source in time: good from 90%, needs attention from 70%. */
    public static Measure timeliness(long timely, long dated) {
        return higherIsBetter(timely, dated, 0.90, 0.70);
    }

    /** Rows loaded of rows read: good from 99.5%, needs attention from 98%. */
    public static Measure loaded(long loaded, long read) {
        return higherIsBetter(loaded, read, 0.995, 0.98);
    }

    private static Measure higherIsBetter(long count, long outOf, double good, double attention) {
        if (outOf == 0) {
            return Measure.notApplicable();
        }
        double share = (double) count / outOf;
        return new Measure(count, outOf, share >= good ? Rating.GOOD : share >= attention ? Rating.NEEDS_ATTENTION : Rating.POOR);
    }
}
