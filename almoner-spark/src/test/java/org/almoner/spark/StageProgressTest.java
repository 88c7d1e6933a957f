package org.almoner.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Spark runner's progress lines, on a clock the test moves. */
class StageProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();

    @Test
    void printsARunningLineOncePerIntervalAndADoneLinePerStageWhenNotATerminal() {
        try (StageProgress progress = new StageProgress(new PrintStream(bytes, true, UTF_8), false, Duration.ofSeconds(30),
                now::get, false)) {
            progress.stageStarted("Link, cost and write");
            progress.tasksSubmitted(80);
            for (int second = 1; second <= 75; second++) {
                now.set(Duration.ofSeconds(second).toNanos());
                progress.taskFinished();
                progress.tick();
            }
            progress.stageFinished(12_345, "activity rows");
        }
        assertThat(bytes.toString(UTF_8).lines()).containsExactly(
                "Link, cost and write         30 of 80 Spark tasks submitted so far done  30.0 s",
                "Link, cost and write         60 of 80 Spark tasks submitted so far done  60.0 s",
                "Link, cost and write         done: 12,345 activity rows in 75.0 s (75 Spark tasks)");
    }

    @Test
    void endsTheLineOfAStageLeftUnfinishedSoAnErrorStartsAfresh() {
        new StageProgress(new PrintStream(bytes, true, UTF_8), true, Duration.ofSeconds(30), now::get, false).close();
        StageProgress progress = new StageProgress(new PrintStream(bytes, true, UTF_8), true, Duration.ofSeconds(30), now::get, false);
        progress.stageStarted("Ingest and data quality");
        progress.close();
        assertThat(bytes.toString(UTF_8)).isEqualTo("\rIngest and data quality      0 of 0 Spark tasks submitted so far done  0.0 s"
                + System.lineSeparator());
    }

    @Test
    void redrawsOneLineInPlaceOnATerminal() {
        try (StageProgress progress = new StageProgress(new PrintStream(bytes, true, UTF_8), true, Duration.ofSeconds(30),
                now::get, false)) {
            progress.stageStarted("Stratify");
            progress.tasksSubmitted(2);
            now.set(Duration.ofSeconds(1).toNanos());
            progress.taskFinished();
            progress.tick();
            now.set(Duration.ofSeconds(2).toNanos());
            progress.taskFinished();
            progress.stageFinished(9, "person-years");
        }
        String printed = bytes.toString(UTF_8);
        // Each line is drawn over the last ("\r"); only the finished stage ends one.
        assertThat(printed.split(System.lineSeparator(), -1)).hasSize(2);
        assertThat(printed).contains("\rStratify                     1 of 2 Spark tasks submitted so far done  1.0 s")
                .endsWith("\rStratify                     done: 9 person-years in 2.0 s (2 Spark tasks)" + " ".repeat(
                        "Stratify                     1 of 2 Spark tasks submitted so far done  1.0 s".length()
                                - "Stratify                     done: 9 person-years in 2.0 s (2 Spark tasks)".length())
                        + System.lineSeparator());
    }
}
