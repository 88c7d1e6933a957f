package org.almoner.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the Spark runner prints as it runs the parity population ({@link ParityRun}): a line per stage, then its summary. */
@ExtendWith(ParityRun.Resolver.class)
class SparkRunnerOutputTest {

    private final ParityRun run;

    SparkRunnerOutputTest(ParityRun run) {
        this.run = run;
    }

    @Test
    void printsEachStageAsItFinishesInOrderWithItsRows() {
        SparkResult result = run.spark;
        List<String> done = run.runnerProgress.lines().filter(line -> line.contains(" done: ")).toList();
        assertThat(done).hasSize(8);
        List<String> expected = List.of(
                "Load reference data", "reference rows", "",
                "Ingest and data quality", "rows read", number(result.rowsRead()),
                "Pseudonymise", "people", number(result.peoplePseudonymised()),
                "Link, cost and write", "activity rows", number(run.duck.linkage().rows()),
                "Person-year summary", "person-years", number(result.personYears()),
                "Stratify", "person-years", number(result.personYearsStratified()),
                "Cohorts", "memberships", number(result.cohortMemberships()),
                "Statements", "system statement lines", number(result.statements().systemStatementLines()));
        for (int stage = 0; stage < 8; stage++) {
            String rows = expected.get(3 * stage + 2).isEmpty() ? "[0-9,]+" : Pattern.quote(expected.get(3 * stage + 2));
            assertThat(done.get(stage)).as("stage %d", stage + 1).startsWith(expected.get(3 * stage) + " ")
                    .containsPattern(" done: " + rows + " " + Pattern.quote(expected.get(3 * stage + 1))
                            + " in [0-9]+\\.[0-9] s \\([0-9,]+ Spark tasks\\)$");
        }
        // Spark ran tasks for the stages that read data, and the log had no line per task.
        assertThat(done.get(1)).doesNotContain("(0 Spark tasks)");
        assertThat(run.runnerProgress.lines().count()).isLessThan(8 + 8 * 10);
    }

    @Test
    void summarisesTheRunWithTheUncostedRows() {
        assertThat(run.runnerSummary).contains(String.format(Locale.UK, "Read %,d rows: %,d loaded, %,d rejected",
                run.duck.ingest().rowsRead(), run.duck.ingest().rowsLoaded(), run.duck.ingest().rowsRejected()))
                .contains(String.format(Locale.UK, "%,d rows could not be costed; costing/uncosted.csv says what was tried for each.",
                        run.duck.costing().uncosted()))
                .contains("Output: " + run.sparkOutput);
    }

    private static String number(long value) {
        return String.format(Locale.UK, "%,d", value);
    }
}
