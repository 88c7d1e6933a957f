package org.almoner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.almoner.engine.console.Progress;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerationSummary;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineCommand;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pipeline.PipelineResult;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.platform.demo.DemoAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code almoner demo}: the main job on embedded defaults. Generates a synthetic population, runs
 * the pipeline over it, says where to look, then starts the platform with the population loaded.
 */
@Command(
        name = "demo",
        header = "Try Almoner end to end on a synthetic population.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Try Almoner on synthetic data: generate a population (NHS numbers from the 999 test range only),",
            "make a pseudonymisation key, run the pipeline, and print where the data quality report and the",
            "linked data set are; then start the platform with demo sign-ins, people from that population",
            "and indicative budgets from its statements of resources. Re-running replaces the analytics",
            "output and keeps the platform's data (delete FOLDER/platform to start it afresh).",
        },
        footer = {"", "Example:", "  almoner demo --people 50000 --folder demo"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--people", defaultValue = "10000", paramLabel = "N", description = "Population size. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--folder", defaultValue = "demo", paramLabel = "FOLDER",
            description = "Where the demo's input, key and output go. Default: ${DEFAULT-VALUE}.")
    Path folder;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port for the platform. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--no-serve", description = "Stop after the pipeline; do not start the platform.")
    boolean noServe;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path input = folder.resolve("input-" + people + "-seed-" + seed);
        if (Files.isDirectory(input)) {
            out.println("Using the population generated earlier in " + input);
        } else {
            GenerationSummary generated;
            try (Progress progress = Progress.start("Generate population", people, "people")) {
                generated = PopulationGenerator.generate(GeneratorSettings.of(people, seed, input), progress);
            }
            out.printf(Locale.UK, "Generated %,d people with %,d activity rows in %s%n", generated.people(),
                    generated.activityRows(), input);
        }
        out.flush();
        PipelineResult result = new Pipeline(List.of(), Pipeline.StageListener.console()).run(new PipelineRequest(
                input, null, folder.resolve("output"), null, demoKey(), LocalDate.now(Clock.systemDefaultZone()), 30, true,
                DuckDbSettings.defaults()));
        PipelineCommand.printReport(result, out);
        out.println();
        out.println("Open the data quality report in a browser: " + result.output().resolve("quality/data_quality.html").toAbsolutePath());
        out.flush();
        if (noServe) {
            return 0;
        }
        List<String> signIns = new java.util.ArrayList<>();
        signIns.add("  Demo sign-ins (password for all: " + DemoAccounts.PASSWORD + "):");
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            signIns.add(String.format(Locale.UK, "    %-18s %-14s %s", account.username(), account.role(), account.displayName()));
        }
        signIns.add("  Try:  curl -u coordinator:" + DemoAccounts.PASSWORD + " http://localhost:" + port + "/api/people");
        signIns.add("  The README walks through referral to an active budget with these accounts.");
        return Platform.serve(port, List.of(
                "almoner.embedded-database.directory=" + folder.resolve("platform").resolve("postgres").toAbsolutePath(),
                "almoner.analytics.output=" + result.output().toAbsolutePath(),
                "almoner.demo.input=" + input.toAbsolutePath(),
                "almoner.analytics.key-file=" + folder.resolve("demo.key").toAbsolutePath()), out, signIns);
    }

    /** A key kept beside the demo data, made once, so re-runs give the same pseudonyms. */
    private PseudonymisationKey demoKey() throws IOException {
        Path keyFile = folder.resolve("demo.key");
        if (!Files.exists(keyFile)) {
            Files.createDirectories(folder);
            Files.writeString(keyFile, PseudonymisationKey.newKeyText(new SecureRandom()) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        }
        return PseudonymisationKey.fromFile(keyFile);
    }
}
