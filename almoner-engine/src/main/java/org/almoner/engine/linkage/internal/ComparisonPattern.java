package org.almoner.engine.linkage.internal;

import static java.util.Objects.requireNonNull;

/**
 * How many compared pairs share one combination of comparison levels (one level per field, -1 for
 * blank). Expectation-maximisation works on these counts rather than on the pairs themselves, so it
 * costs the same for a thousand pairs as for a hundred million.
 *
 * @param levels the level of each field, in {@code LinkField} order
 * @param pairs how many pairs compare so
 */
public record ComparisonPattern(int[] levels, long pairs) {

    public ComparisonPattern {
        requireNonNull(levels, "levels is null");
        levels = levels.clone();
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must not be negative");
        }
    }

    @Override
    public int[] levels() {
        return levels.clone();
    }

    int level(int field) {
        return levels[field];
    }
}
