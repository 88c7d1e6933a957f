package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What a probabilistic linkage run found. The pairs themselves are in table {@code fs_pairs} of the
 * connection it ran on (one row per compared pair, with each field's level and weight) and the persons
 * in {@code fs_clusters}.
 *
 * @param leftRecords records on the left (the only side when de-duplicating)
 * @param rightRecords records on the right
 * @param comparisonsByRule pairs each blocking rule generates, counted before comparing
 * @param comparedPairs distinct pairs compared (the union of the rules' pairs)
 * @param parameters the fitted model
 * @param links pairs at or above the link weight
 * @param review pairs in the clerical-review band
 * @param clusters persons found (clusters of linked records, single records included)
 * @param stages time per stage, in order
 */
public record LinkOutcome(long leftRecords, long rightRecords, List<RuleCount> comparisonsByRule, long comparedPairs,
        ModelParameters parameters, long links, long review, long clusters, List<StageTime> stages) {

    public LinkOutcome {
        comparisonsByRule = List.copyOf(requireNonNull(comparisonsByRule, "comparisonsByRule is null"));
        requireNonNull(parameters, "parameters is null");
        stages = List.copyOf(requireNonNull(stages, "stages is null"));
    }

    /**
     * Pairs one blocking rule generates.
     *
     * @param rule the rule
     * @param pairs pairs it generates
     */
    public record RuleCount(BlockingRule rule, long pairs) {

        public RuleCount {
            requireNonNull(rule, "rule is null");
        }
    }

    /**
     * How long one stage took.
     *
     * @param stage what the stage does
     * @param time how long it took (wall clock)
     * @param processorTime processor time it used, user and system, all threads (zero where unknown)
     */
    public record StageTime(String stage, Duration time, Duration processorTime) {

        public StageTime {
            requireNonNull(stage, "stage is null");
            requireNonNull(time, "time is null");
            requireNonNull(processorTime, "processorTime is null");
        }

        static StageTime of(String stage, org.almoner.engine.linkage.internal.StageClock clock) {
            return new StageTime(stage, clock.wall(), clock.cpu());
        }
    }
}
