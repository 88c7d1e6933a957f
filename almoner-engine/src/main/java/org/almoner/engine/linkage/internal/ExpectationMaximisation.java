package org.almoner.engine.linkage.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Estimates the m probabilities and the share of matches among compared pairs by
 * expectation-maximisation. Among blocked pairs the non-matches agree far more often than random
 * pairs do (they share the blocking keys), so the u of the compared pairs is estimated alongside m
 * unless held fixed; the weights then use the u of random pairs, which is what a non-match looks like
 * across all pairs (the approach of the Fellegi-Sunter literature and of tools such as Splink).
 */
public final class ExpectationMaximisation {

    /** Probabilities never fall below this, so no level has an infinite weight. */
    static final double FLOOR = 1e-6;

    private final int maximumIterations;
    private final double tolerance;

    public ExpectationMaximisation(int maximumIterations, double tolerance) {
        if (maximumIterations < 1 || tolerance <= 0) {
            throw new IllegalArgumentException("maximumIterations and tolerance must be positive");
        }
        this.maximumIterations = maximumIterations;
        this.tolerance = tolerance;
    }

    /**
     * Fits m and the match share.
     *
     * @param patterns the compared pairs, counted by pattern
     * @param u u probabilities per field and level (held fixed)
     * @param initialM starting m probabilities per field and level
     * @param initialShare starting share of matches
     * @param fixedShare when not null, the match share is held at this value
     * @param estimateU whether u is estimated too (from {@code u} as a start) rather than held
     */
    public Estimate fit(List<ComparisonPattern> patterns, double[][] initialU, double[][] initialM, double initialShare, Double fixedShare,
            boolean estimateU) {
        requireNonNull(patterns, "patterns is null");
        double[][] m = copy(initialM);
        double[][] u = copy(initialU);
        double share = fixedShare != null ? fixedShare : initialShare;
        int fields = u.length;
        for (int iteration = 1; iteration <= maximumIterations; iteration++) {
            double[][] matchCounts = new double[fields][];
            double[][] nonMatchCounts = new double[fields][];
            for (int f = 0; f < fields; f++) {
                matchCounts[f] = new double[u[f].length];
                nonMatchCounts[f] = new double[u[f].length];
            }
            double expectedMatches = 0;
            double total = 0;
            for (ComparisonPattern pattern : patterns) {
                double match = share;
                double nonMatch = 1 - share;
                for (int f = 0; f < fields; f++) {
                    int level = pattern.level(f);
                    if (level >= 0) {
                        match *= m[f][level];
                        nonMatch *= u[f][level];
                    }
                }
                double probability = match / (match + nonMatch);
                double weight = probability * pattern.pairs();
                expectedMatches += weight;
                total += pattern.pairs();
                for (int f = 0; f < fields; f++) {
                    int level = pattern.level(f);
                    if (level >= 0) {
                        matchCounts[f][level] += weight;
                        nonMatchCounts[f][level] += pattern.pairs() - weight;
                    }
                }
            }
            double change = 0;
            for (int f = 0; f < fields; f++) {
                double sum = 0;
                for (double count : matchCounts[f]) {
                    sum += count;
                }
                for (int level = 0; level < m[f].length; level++) {
                    double updated = sum > 0 ? Math.max(FLOOR, matchCounts[f][level] / sum) : m[f][level];
                    change = Math.max(change, Math.abs(updated - m[f][level]));
                    m[f][level] = updated;
                }
                if (estimateU) {
                    double nonMatchSum = 0;
                    for (double count : nonMatchCounts[f]) {
                        nonMatchSum += count;
                    }
                    for (int level = 0; level < u[f].length; level++) {
                        double updated = nonMatchSum > 0 ? Math.max(FLOOR, nonMatchCounts[f][level] / nonMatchSum) : u[f][level];
                        change = Math.max(change, Math.abs(updated - u[f][level]));
                        u[f][level] = updated;
                    }
                }
            }
            if (fixedShare == null && total > 0) {
                double updated = Math.min(1 - FLOOR, Math.max(FLOOR, expectedMatches / total));
                change = Math.max(change, Math.abs(updated - share));
                share = updated;
            }
            if (change < tolerance) {
                return new Estimate(m, share, iteration, true);
            }
        }
        return new Estimate(m, share, maximumIterations, false);
    }

    private static double[][] copy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /**
     * What EM found.
     *
     * @param m m probabilities per field and level
     * @param share the share of compared pairs that match
     * @param iterations iterations run
     * @param converged whether the largest change fell below the tolerance
     */
    public record Estimate(double[][] m, double share, int iterations, boolean converged) {

        public Estimate {
            m = copy(requireNonNull(m, "m is null"));
        }

        @Override
        public double[][] m() {
            return copy(m);
        }
    }
}
