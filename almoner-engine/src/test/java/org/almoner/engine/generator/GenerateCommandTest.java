package org.almoner.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private Exception failure;

    /** The command as the almoner CLI runs it: an engine failure becomes its exit code. */
    private CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GenerateCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setExecutionExceptionHandler((thrown, line, result) -> {
            failure = thrown;
            return thrown instanceof EngineException engine ? engine.code().exitCode() : 70;
        });
        return commandLine;
    }

    @Test
    void generatesTheRequestedNumberOfPeopleAndReportsTheFiles() throws Exception {
        int exit = commandLine().execute("--people", "1200", "--seed", "3", "--threads", "1", "--out",
                temp.resolve("input").toString());

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(temp.resolve("input/people.csv"))).hasSize(1_201);
        assertThat(out.toString()).contains("Wrote 1,200 people").contains("activity/epd.csv");
    }

    @Test
    void refusesAnUnknownFormatWithAPlainMessage() {
        int exit = commandLine().execute("--people", "10", "--format", "xlsx", "--out", temp.resolve("input").toString());

        assertThat(exit).isEqualTo(EngineErrorCode.BAD_ARGUMENT.exitCode());
        assertThat(failure)
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.BAD_ARGUMENT))
                .hasMessageContaining("csv or parquet");
        assertThat(temp.resolve("input")).doesNotExist();
    }

    @Test
    void refusesZeroPeople() {
        int exit = commandLine().execute("--people", "0", "--out", temp.resolve("input").toString());

        assertThat(exit).isEqualTo(EngineErrorCode.BAD_ARGUMENT.exitCode());
        assertThat(failure)
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.BAD_ARGUMENT))
                .hasMessageContaining("--people");
    }

    @Test
    void helpExplainsTheNhsNumberLimitAndGivesExamples() {
        String help = commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).contains("999 test range").contains("without an NHS number").contains("Examples:")
                .contains("--seed").contains("--format").contains("--threads");
    }
}
