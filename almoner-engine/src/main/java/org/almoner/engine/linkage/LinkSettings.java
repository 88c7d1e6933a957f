package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How to link: blocking rules, decision thresholds and sampling.
 *
 * @param blockingRules the rules whose pairs are compared (their union)
 * @param linkWeight pairs whose match weight is at least this are links
 * @param reviewWeight pairs from this weight up to {@code linkWeight} go to clerical review
 * @param prior the prior probability that two records taken at random match, or null to estimate it by
 *     expectation-maximisation
 * @param maximumComparisons the most pairs any one blocking rule may generate; more fails before any work
 * @param randomPairs how many random pairs to compare to estimate the u probabilities
 * @param seed the seed of the random sample, so runs repeat
 */
public record LinkSettings(List<BlockingRule> blockingRules, double linkWeight, double reviewWeight, Double prior,
        long maximumComparisons, long randomPairs, long seed) {

    /**
     * Link from a match weight of 4 (model probability 0.94; measured precision 0.998 at 1M records, as the
     * estimated prior is cautious); review from even odds (weight 0).
     */
    public static final double DEFAULT_LINK_WEIGHT = 4.0;
    public static final double DEFAULT_REVIEW_WEIGHT = 0.0;
    public static final long DEFAULT_MAXIMUM_COMPARISONS = 100_000_000L;
    public static final long DEFAULT_RANDOM_PAIRS = 1_000_000L;

    public LinkSettings {
        blockingRules = List.copyOf(requireNonNull(blockingRules, "blockingRules is null"));
        if (blockingRules.isEmpty()) {
            throw new IllegalArgumentException("at least one blocking rule is needed");
        }
        if (reviewWeight > linkWeight) {
            throw new IllegalArgumentException("reviewWeight " + reviewWeight + " is above linkWeight " + linkWeight);
        }
        if (prior != null && (prior <= 0 || prior >= 1)) {
            throw new IllegalArgumentException("prior must be between 0 and 1, got " + prior);
        }
        if (maximumComparisons < 1 || randomPairs < 1) {
            throw new IllegalArgumentException("maximumComparisons and randomPairs must be positive");
        }
    }

    /** The default rules and thresholds. */
    public static LinkSettings defaults() {
        return new LinkSettings(BlockingRule.defaults(), DEFAULT_LINK_WEIGHT, DEFAULT_REVIEW_WEIGHT, null,
                DEFAULT_MAXIMUM_COMPARISONS, DEFAULT_RANDOM_PAIRS, 42);
    }
}
