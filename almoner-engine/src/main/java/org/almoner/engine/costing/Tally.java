package org.almoner.engine.costing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A number of activity rows and what they cost in total.
 *
 * @param rows how many rows
 * @param cost their total cost in pounds; zero when none of them is costed
 */
public record Tally(long rows, BigDecimal cost) {

    public Tally {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        requireNonNull(cost, "cost is null");
    }

    /** The rows and cost of this tally and {@code other} together. */
    public Tally plus(Tally other) {
        requireNonNull(other, "other is null");
        return new Tally(rows + other.rows, cost.add(other.cost));
    }
}
