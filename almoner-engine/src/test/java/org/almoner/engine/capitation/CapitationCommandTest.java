package org.almoner.engine.capitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CapitationCommandTest {

    @TempDir
    Path folder;

    private static final Path EXAMPLE_SETTINGS = Path.of("..", "docs", "examples", "capitation.yaml");

    @Test
    void printsBaselinesFitAndShadowWithTheExampleSettings() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new CapitationCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--in", LinkedFixture.linkedData().toString(), "--settings",
                EXAMPLE_SETTINGS.toString(), "--out", folder.resolve("out").toString(), "--memory-limit", "512");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("baseline from 2023/24, payments for 2024/25", "frailty, 65 and over",
                "R-squared", "Shadow 2024/25", "provider share");
        assertThat(folder.resolve("out/capitation/payments.csv")).exists();
        assertThat(folder.resolve("out/shadow/gain_loss_sharing.csv")).exists();
    }

    @Test
    void refusesAnUpliftOutOfRangeBeforeDoingAnyWork() {
        CommandLine command = new CommandLine(new CapitationCommand());
        EngineException[] thrown = new EngineException[1];
        command.setExecutionExceptionHandler((exception, line, parsed) -> {
            thrown[0] = (EngineException) exception;
            return 1;
        });

        command.execute("--linked", folder.toString(), "--uplift", "80", "--out", folder.resolve("out").toString());

        assertThat(thrown[0].code()).isEqualTo(EngineErrorCode.BAD_ARGUMENT);
        assertThat(thrown[0].getMessage()).contains("--uplift 80", "from -50 to 50");
        assertThat(folder.resolve("out")).doesNotExist();
    }
}
