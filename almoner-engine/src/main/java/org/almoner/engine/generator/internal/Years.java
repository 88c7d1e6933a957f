package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/** The two financial years the generator covers, and random days within the part a person is alive. */
final class Years {

    static final int COUNT = 2;

    private Years() {
    }

    static int start(int year) {
        return year == 0 ? Dates.PERIOD_START : Dates.SECOND_YEAR_START;
    }

    /** Last day of the year the person can have activity, before {@link #start} when they died before it. */
    static int end(int year, Person person) {
        int end = year == 0 ? Dates.SECOND_YEAR_START - 1 : Dates.PERIOD_END;
        return Math.min(end, person.lastDay());
    }

    /** The share of the year the person is alive, 0 when they died before it began. */
    static double exposure(int year, Person person) {
        int days = end(year, person) - start(year) + 1;
        return days <= 0 ? 0 : days / 365.0;
    }

    static int day(int year, Person person, SplittableRandom random) {
        int start = start(year);
        return start + random.nextInt(end(year, person) - start + 1);
    }
}
