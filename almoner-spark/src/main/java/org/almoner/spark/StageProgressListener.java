package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Tells a {@link StageProgress} of the Spark tasks the driver schedules: each stage's tasks as it is submitted (a
 * stage whose output is reused is skipped, never submitted, so never counted) and each task as it ends. Runs on
 * Spark's listener thread on the driver, so it works the same in local mode and on a cluster.
 */
final class StageProgressListener extends SparkListener {

    private final StageProgress progress;

    StageProgressListener(StageProgress progress) {
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted stageSubmitted) {
        progress.tasksSubmitted(stageSubmitted.stageInfo().numTasks());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        progress.taskFinished();
    }
}
