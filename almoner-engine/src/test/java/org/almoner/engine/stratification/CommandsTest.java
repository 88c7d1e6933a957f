package org.almoner.engine.stratification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.almoner.engine.DatabaseRows;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.cohorts.CohortCommand;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerateCommand;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.statements.StatementCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The three commands as a new user runs them, on a small generated population. */
class CommandsTest {

    @TempDir
    static Path shared;

    @TempDir
    Path temporary;

    private static Path pipelineOutput;

    private final StringWriter out = new StringWriter();
    private Exception failure;

    @BeforeAll
    static void generateAndRunThePipeline() throws Exception {
        Path input = shared.resolve("input");
        int generated = new CommandLine(new GenerateCommand()).execute("--people", "600", "--seed", "11", "--threads", "1",
                "--out", input.toString());
        assertThat(generated).isZero();
        pipelineOutput = shared.resolve("output");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, pipelineOutput, null,
                PseudonymisationKey.of("s".repeat(48), "test"), LocalDate.of(2025, 6, 30), 30, false, new DuckDbSettings(1, 1024, null)));
    }

    @Test
    void stratifiesCohortsAndStatesTheGeneratedPopulationWithTheBuiltInFiles() throws Exception {
        Path risk = temporary.resolve("risk");
        Path cohorts = temporary.resolve("cohorts");
        Path statements = temporary.resolve("statements");

        assertThat(run(new StratifyCommand(), "--in", pipelineOutput.toString(), "--out", risk.toString(), "--threads", "1")).isZero();
        assertThat(run(new CohortCommand(), "--in", pipelineOutput.toString(), "--stratification", risk.toString(),
                "--out", cohorts.toString(), "--threads", "1")).isZero();
        String person = DatabaseRows.rows("SELECT min(person_pseudonym) FROM read_parquet(" + DuckDb.literal(cohorts.resolve(
                "cohort_members.parquet").toString()) + ") WHERE cohort_id = 'multiple_long_term_conditions'").getFirst().getFirst();
        assertThat(run(new StatementCommand(), "--in", pipelineOutput.toString(), "--stratification", risk.toString(),
                "--cohorts", cohorts.toString(), "--person", person, "--out", statements.toString(), "--threads", "1")).isZero();

        assertThat(out.toString()).contains("Stratified", "older_multimorbid", "people with an indicative budget");
        long personYears = Long.parseLong(DatabaseRows.rows("SELECT count(*) FROM read_parquet(" + DuckDb.literal(
                pipelineOutput.resolve("summary/person_year_summary.parquet").toString()) + ")").getFirst().getFirst());
        assertThat(Files.readAllLines(risk.resolve("person_year_risk.csv"))).hasSize((int) personYears + 1);
        assertThat(statements.resolve("letters/" + person + ".html")).content().contains("How your indicative budget was worked out");
        List<List<String>> budgets = DatabaseRows.rows("SELECT count(*) FILTER (WHERE indicative_budget > cost_of_current_care),"
                + " count(*) FILTER (WHERE nhs_contribution + social_care_contribution + education_contribution <> indicative_budget)"
                + " FROM read_parquet(" + DuckDb.literal(statements.resolve("indicative_budgets.parquet").toString()) + ")");
        assertThat(budgets).containsExactly(List.of("0", "0"));
    }

    @Test
    void writesTheSameStratificationCohortsAndStatementsInOneRunAsTheThreeCommands() throws Exception {
        Path separate = temporary.resolve("separate");
        assertThat(run(new StratifyCommand(), "--in", pipelineOutput.toString(), "--out", separate.resolve("risk").toString(),
                "--threads", "1")).isZero();
        assertThat(run(new CohortCommand(), "--in", pipelineOutput.toString(), "--stratification", separate.resolve("risk").toString(),
                "--out", separate.resolve("cohorts").toString(), "--threads", "1")).isZero();
        assertThat(run(new StatementCommand(), "--in", pipelineOutput.toString(), "--stratification", separate.resolve("risk").toString(),
                "--cohorts", separate.resolve("cohorts").toString(), "--out", separate.resolve("statements").toString(),
                "--threads", "1")).isZero();
        Path together = temporary.resolve("together");

        assertThat(run(new StatementCommand(), "--in", pipelineOutput.toString(), "--write-stratification",
                together.resolve("risk").toString(), "--write-cohorts", together.resolve("cohorts").toString(),
                "--out", together.resolve("statements").toString(), "--threads", "1")).isZero();

        for (String file : List.of("risk/person_year_risk.csv", "cohorts/cohort_members.csv", "cohorts/cohort_summary.csv",
                "cohorts/cohort_cost_by_provider.csv", "cohorts/cohort_equality.csv", "statements/system_statement.csv",
                "statements/person_statements.csv", "statements/indicative_budgets.csv", "statements/double_funding.csv")) {
            assertThat(sortedLines(together.resolve(file))).as(file).isNotEmpty().isEqualTo(sortedLines(separate.resolve(file)));
        }
    }

    @Test
    void refusesToWriteAStratificationWithoutItsCohorts() {
        int exit = run(new StatementCommand(), "--in", pipelineOutput.toString(), "--write-stratification",
                temporary.resolve("risk").toString(), "--out", temporary.resolve("statements").toString(), "--threads", "1");

        assertThat(exit).isEqualTo(EngineErrorCode.BAD_ARGUMENT.exitCode());
        assertThat(failure).hasMessageContaining("--write-stratification and --write-cohorts go together");
        assertThat(temporary.resolve("risk")).doesNotExist();
        assertThat(temporary.resolve("statements")).doesNotExist();
    }

    private static List<String> sortedLines(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    @Test
    void reportsAMissingPipelineOutputWithoutAStackTrace() {
        int exit = run(new StratifyCommand(), "--in", temporary.resolve("nowhere").toString(), "--out", temporary.resolve("risk").toString());

        assertThat(exit).isEqualTo(EngineErrorCode.INPUT_NOT_FOUND.exitCode());
        assertThat(failure).isInstanceOf(EngineException.class).hasMessageContaining("nowhere").hasMessageContaining("almoner pipeline");
        assertThat(temporary.resolve("risk")).doesNotExist();
    }

    @Test
    void leavesNoOutputWhenTheDefinitionFileIsWrong() throws Exception {
        Path definitions = Files.writeString(temporary.resolve("bad.yaml"), """
                version: bad-1
                equality: {need_rule: ltc_count >= 2, under_represented_below: 0.8, minimum_people: 10}
                cohorts:
                  - {id: broken, name: Broken, rule: ltc_count >>= 2}
                """);

        int exit = run(new CohortCommand(), "--in", pipelineOutput.toString(), "--definitions", definitions.toString(),
                "--out", temporary.resolve("cohorts").toString(), "--threads", "1");

        assertThat(exit).isEqualTo(EngineErrorCode.BAD_CONFIGURATION.exitCode());
        assertThat(failure).hasMessageContaining("bad.yaml line 4").hasMessageContaining("cohort 'broken'");
        assertThat(temporary.resolve("cohorts")).doesNotExist();
        try (var siblings = Files.list(temporary)) {
            assertThat(siblings.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("incomplete"));
        }
    }

    @Test
    void refusesALetterForSomeoneOutsideTheCohortsAndWritesNothing() {
        int exit = run(new StatementCommand(), "--in", pipelineOutput.toString(), "--person", "not-a-member",
                "--out", temporary.resolve("statements").toString(), "--threads", "1");

        assertThat(exit).isEqualTo(EngineErrorCode.BAD_ARGUMENT.exitCode());
        assertThat(failure).hasMessageContaining("--person not-a-member has no statement").hasMessageContaining("cohort_members.csv");
        assertThat(temporary.resolve("statements")).doesNotExist();
    }

    private int run(Callable<Integer> command, String... arguments) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setExecutionExceptionHandler((thrown, line, result) -> {
            failure = thrown;
            return thrown instanceof EngineException engine ? engine.code().exitCode() : 70;
        });
        return commandLine.execute(arguments);
    }
}
