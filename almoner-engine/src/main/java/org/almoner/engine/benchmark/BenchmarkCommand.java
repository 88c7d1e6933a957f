package org.almoner.engine.benchmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pipeline.PipelineResult;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner benchmark}: times the pipeline on a generated population beside hand-written SQL. */
@Command(
        name = "benchmark",
        header = "Time the pipeline beside hand-written SQL.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Time the pipeline on a generated population: each stage's time, rows per second and peak memory,",
            "then a plain hand-written DuckDB SQL script doing the same ingest-and-cost work, and the ratio.",
            "",
            "Targets on 2 cores: 1M people through the whole pipeline within 90 s, peak memory under 6 GB,",
            "within 1.5x of the hand-written SQL. The population is generated once per size and seed and",
            "kept in the work folder, so later runs time only the pipeline.",
        },
        footer = {"", "Examples:", "  almoner benchmark --people 100000", "  almoner benchmark --people 1000000 --runs 3"})
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--people", required = true, paramLabel = "N", description = "Population size.")
    int people;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--work", defaultValue = "bench", paramLabel = "FOLDER",
            description = "Where to keep the generated population and outputs. Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "N",
            description = "Time the pipeline and the hand-written SQL this many times each and report the median. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--memory-limit", defaultValue = "4096", paramLabel = "MB",
            description = "Database memory limit in megabytes. Default: ${DEFAULT-VALUE}.")
    long memoryLimitMegabytes;

    @Override
    public Integer call() throws IOException {
        if (people < 1 || runs < 1) {
            throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--people and --runs must be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path input = work.resolve("population-" + people + "-seed-" + seed);
        if (!Files.isDirectory(input)) {
            out.printf(Locale.UK, "Generating %,d people into %s ...%n", people, input);
            out.flush();
            long start = System.nanoTime();
            BenchmarkPopulation.generate(input, people, seed);
            out.printf(Locale.UK, "Generated in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        } else {
            out.println("Using the population already generated in " + input);
        }
        out.flush();

        DuckDbSettings database = new DuckDbSettings(Runtime.getRuntime().availableProcessors(), memoryLimitMegabytes, null);
        PseudonymisationKey key = PseudonymisationKey.of("almoner benchmark key, not for real data " + seed, "the benchmark");
        List<PipelineResult> results = new ArrayList<>();
        List<Long> pipelinePeaks = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            PeakMemory.reset();
            PipelineRequest request = new PipelineRequest(input, null, work.resolve("output"), null, key,
                    LocalDate.of(2025, 6, 30), 30, true, database);
            results.add(new Pipeline(List.of(), Pipeline.StageListener.console()).run(request));
            pipelinePeaks.add(PeakMemory.peakBytes().orElse(-1));
        }

        List<Duration> handwritten = new ArrayList<>();
        List<Long> handwrittenPeaks = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            PeakMemory.reset();
            handwritten.add(runHandwritten(input, database));
            handwrittenPeaks.add(PeakMemory.peakBytes().orElse(-1));
        }

        BenchmarkReport report = new BenchmarkReport(people, results, pipelinePeaks, handwritten, handwrittenPeaks);
        report.print(out);
        report.writeCsv(work.resolve("benchmark-" + people + ".csv"));
        out.println("Figures written to " + work.resolve("benchmark-" + people + ".csv"));
        return 0;
    }

    private Duration runHandwritten(Path input, DuckDbSettings database) throws IOException {
        Path scratch = Files.createDirectories(work.resolve("handwritten"));
        Path reference = ReferenceData.extractBundledSample(scratch.resolve("reference-" + System.nanoTime()));
        Path output = Files.createDirectories(scratch.resolve("output"));
        String script = Sql.resource(BenchmarkCommand.class, "handwritten.sql")
                .replace("${input}", DuckDb.escape(input.toAbsolutePath().toString()))
                .replace("${reference}", DuckDb.escape(reference.toAbsolutePath().toString()))
                .replace("${output}", DuckDb.escape(output.toAbsolutePath().toString()));
        Path databaseFile = scratch.resolve("handwritten-" + System.nanoTime() + ".duckdb");
        long start = System.nanoTime();
        try (Connection connection = DuckDb.open(databaseFile, database.withTemporaryDirectory(scratch))) {
            for (String statement : script.split(";\\s*\\n")) {
                boolean hasCode = statement.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("--"));
                if (hasCode) {
                    Sql.execute(connection, statement);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "The hand-written SQL failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(databaseFile);
            Files.deleteIfExists(Path.of(databaseFile + ".wal"));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }


}
