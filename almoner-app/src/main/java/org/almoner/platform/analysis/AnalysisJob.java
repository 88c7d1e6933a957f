package org.almoner.platform.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * One analysis started from the interface, as it stands: what it runs on, who started it, how far it has got.
 *
 * @param id          the job
 * @param dataSet     the data set folder's name
 * @param runsPipeline whether the folder is pipeline input, so the pipeline runs first
 * @param startedBy   the username that started it
 * @param organisation the organisation of whoever started it
 * @param startedAt   when it was asked for
 * @param state       waiting, running, done or failed
 * @param stepsDone   steps finished
 * @param steps       steps in all
 * @param step        what it is doing now (or did last)
 * @param stepPercent how far through the current step, 0 to 100, when the engine reports it
 * @param message     for a failed job, what went wrong and what to do; for a finished one, a summary
 * @param finishedAt  when it finished, or null
 */
public record AnalysisJob(UUID id, String dataSet, boolean runsPipeline, String startedBy, String organisation, Instant startedAt,
        State state, int stepsDone, int steps, String step, int stepPercent, String message, Instant finishedAt) {

    /** Where a job is. */
    public enum State { WAITING, RUNNING, DONE, FAILED }

    public AnalysisJob {
        requireNonNull(id, "id is null");
        requireNonNull(dataSet, "dataSet is null");
        requireNonNull(startedBy, "startedBy is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(state, "state is null");
        requireNonNull(step, "step is null");
        if (steps < 1 || stepsDone < 0 || stepsDone > steps) {
            throw new IllegalArgumentException("stepsDone " + stepsDone + " of " + steps + " is not possible");
        }
    }

    /** How far the whole job is, 0 to 100: finished steps plus the share of the current one. */
    public int percentDone() {
        if (state == State.DONE) {
            return 100;
        }
        return Math.min(99, (100 * stepsDone + Math.max(0, Math.min(100, stepPercent))) / steps);
    }

    /** Whether it is still waiting or running, so a page showing it should look again shortly. */
    public boolean inProgress() {
        return state == State.WAITING || state == State.RUNNING;
    }

    AnalysisJob running(int done, String now, int percent) {
        return new AnalysisJob(id, dataSet, runsPipeline, startedBy, organisation, startedAt, State.RUNNING, done, steps, now, percent, null,
                null);
    }

    AnalysisJob finished(String summary, Instant at) {
        return new AnalysisJob(id, dataSet, runsPipeline, startedBy, organisation, startedAt, State.DONE, steps, steps, step, 100, summary,
                at);
    }

    AnalysisJob failed(String why, Instant at) {
        return new AnalysisJob(id, dataSet, runsPipeline, startedBy, organisation, startedAt, State.FAILED, stepsDone, steps, step,
                stepPercent, why, at);
    }
}
