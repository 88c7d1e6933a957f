package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * How the equality breakdown judges under-representation (handbook 2019, 3.2.5): a group's share of a cohort is
 * compared with its share of the people in need; below {@code underRepresentedBelow} times that share, with at
 * least {@code minimumPeople} of the group in need, the group is flagged.
 *
 * @param needRule              who counts as in need
 * @param underRepresentedBelow ratio of shares below which a group is flagged, for example 0.8
 * @param minimumPeople         smallest number in need for a group to be judged (small numbers mislead)
 */
public record EqualitySettings(CohortRule needRule, BigDecimal underRepresentedBelow, int minimumPeople) {

    public EqualitySettings {
        requireNonNull(needRule, "needRule is null");
        requireNonNull(underRepresentedBelow, "underRepresentedBelow is null");
    }
}
