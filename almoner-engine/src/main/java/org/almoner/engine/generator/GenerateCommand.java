package org.almoner.engine.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.console.Progress;
import org.almoner.engine.identity.NhsNumber;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code almoner generate}: writes a synthetic population and its activity as an input folder. */
@Command(
        name = "generate",
        header = "Make a synthetic population with activity in every setting.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Make a synthetic, England-like population with health and care activity in every setting"
                    + " (hospital, A&E, outpatients, community, mental health, GP, prescribing, social care, CHC,"
                    + " voluntary sector, education) for financial years 2023/24 and 2024/25, written as an input"
                    + " folder the pipeline reads. No real person's data is used or implied.",
            "",
            "The folder holds people.csv, diagnoses.csv, condition_registers.csv, activity/<source>.csv (one"
                    + " file per source system) and ground-truth/ (who each activity row really belongs to, for"
                    + " testing record linkage; the pipeline ignores it).",
            "",
            "The same --seed always gives the same files, whatever --threads is. NHS numbers come only from the"
                    + " 999 test range, which holds about 909,000 valid numbers: people beyond that many are written"
                    + " without an NHS number, as if untraced. Council and voluntary sector records carry deliberate"
                    + " identifier errors (nicknames, typos, old postcodes) and people.csv a few default values, for"
                    + " linkage and data quality checks to find.",
            "",
        },
        footer = {
            "",
            "Examples:",
            "  almoner generate --people 10000 --out demo/input",
            "  almoner generate --people 1000000 --seed 42 --out bench/input --threads 2",
            "  almoner generate --people 50000 --format parquet --out demo/parquet-input",
        })
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--people", required = true, paramLabel = "N",
            description = "How many people to generate (1 to 99,999,999). About 35 activity rows are written per person.")
    long people;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Random seed; the same seed gives byte-identical output. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to create. It must not exist or must be empty; nothing is ever overwritten.")
    Path out;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|parquet",
            description = "File format of the input files: csv or parquet. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads. Default: all processors. Does not change the output.")
    Integer threads;

    @Override
    public Integer call() {
        if (people < 1 || people > GeneratorSettings.MAXIMUM_PEOPLE) {
            throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--people must be from 1 to "
                    + GeneratorSettings.MAXIMUM_PEOPLE + ", got " + people + ".");
        }
        int workerThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workerThreads < 1) {
            throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--threads must be at least 1, got " + workerThreads + ".");
        }
        OutputFormat outputFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> OutputFormat.CSV;
            case "parquet" -> OutputFormat.PARQUET;
            default -> throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--format must be csv or parquet, got '"
                    + format + "'.");
        };
        GeneratorSettings settings = GeneratorSettings.of(people, seed, out).withThreads(workerThreads)
                .withFormat(outputFormat);
        PopulationGenerator.requireUsableOutputFolder(out);
        GenerationSummary summary;
        try (Progress progress = Progress.start("Generating people", people, "people")) {
            summary = PopulationGenerator.generate(settings, progress);
        }
        report(summary);
        return 0;
    }

    private void report(GenerationSummary summary) {
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf(Locale.ROOT, "Wrote %,d people and %,d activity rows to %s in %.1f s%n", summary.people(),
                summary.activityRows(), summary.outputFolder(), summary.elapsed().toMillis() / 1000.0);
        for (Map.Entry<String, Long> file : summary.rowsPerFile().entrySet()) {
            writer.printf(Locale.ROOT, "  %-34s %,14d rows%n", file.getKey(), file.getValue());
        }
        if (summary.peopleWithoutNhsNumber() > 0) {
            writer.printf(Locale.ROOT, "%,d people have no NHS number: the 999 test range holds only %,d.%n",
                    summary.peopleWithoutNhsNumber(), NhsNumber.TEST_RANGE_CAPACITY);
        }
        writer.flush();
    }
}
