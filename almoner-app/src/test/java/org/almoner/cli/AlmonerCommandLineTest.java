package org.almoner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlmonerCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Almoner.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsEveryCommandWithWhatItDoes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("generate", "pipeline", "key", "demo", "benchmark", "fhir-import", "serve",
                "reconcile", "benchmark-ledger", "benchmark-pages", "stratify", "cohort", "statement", "capitation", "release", "link");
    }

    @Test
    void servingOnAPortInUseSaysSoWithoutStartingAnything() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            assertThat(run("serve", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(78);
            assertThat(err.toString()).contains("is in use").contains("--port");
        }
    }

    @Test
    void reconcilingAFolderWithoutADatabaseNamesIt(@TempDir Path folder) {
        assertThat(run("reconcile", "--data-folder", folder.resolve("nowhere").toString())).isEqualTo(66);
        assertThat(err.toString()).contains("nowhere").contains("--data-folder");
    }

    @Test
    void unknownOptionIsBadUsageWithAHint() {
        assertThat(run("pipeline", "--in", "a", "--out", "b", "--nonsense")).isEqualTo(64);
        assertThat(err.toString()).contains("--nonsense").contains("almoner pipeline --help");
    }

    @Test
    void missingInputFolderIsNamedWithoutAStackTrace(@TempDir Path folder) {
        Path key = folder.resolve("k.key");
        assertThat(run("key", "--out", key.toString())).isZero();
        int exit = run("pipeline", "--in", folder.resolve("nowhere").toString(), "--out", folder.resolve("out").toString(),
                "--key-file", key.toString());
        assertThat(exit).isEqualTo(66);
        assertThat(err.toString()).contains("nowhere").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void keyFilesAreNeverOverwritten(@TempDir Path folder) {
        Path key = folder.resolve("k.key");
        assertThat(run("key", "--out", key.toString())).isZero();
        assertThat(run("key", "--out", key.toString())).isEqualTo(73);
        assertThat(err.toString()).contains("already exists");
    }
}
