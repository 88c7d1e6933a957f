package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The fitted Fellegi-Sunter model: for each field and comparison level the m probability (that a
 * matching pair compares at that level) and the u probability (that a non-matching pair does), and the
 * prior probability that a compared pair is a match.
 *
 * @param prior the prior probability that two records taken at random match
 * @param m m probabilities per field, one per level, best level first
 * @param u u probabilities per field, one per level, best level first
 * @param iterations how many expectation-maximisation iterations ran
 * @param converged whether the estimates settled before the iteration limit
 */
public record ModelParameters(double prior, Map<LinkField, List<Double>> m, Map<LinkField, List<Double>> u,
        int iterations, boolean converged) {

    public ModelParameters {
        m = Map.copyOf(requireNonNull(m, "m is null"));
        u = Map.copyOf(requireNonNull(u, "u is null"));
        for (LinkField field : LinkField.values()) {
            if (m.get(field) == null || m.get(field).size() != field.levels().size()
                    || u.get(field) == null || u.get(field).size() != field.levels().size()) {
                throw new IllegalArgumentException("m and u need one value per level of " + field);
            }
        }
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be between 0 and 1, got " + prior);
        }
    }

    /** The match weight (log2 of m over u) a pair gains at this level of the field. */
    public double weight(LinkField field, int level) {
        return log2(m.get(field).get(level) / u.get(field).get(level));
    }

    /** The weight of the prior: log2 of the prior odds. */
    public double priorWeight() {
        return log2(prior / (1 - prior));
    }

    static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
