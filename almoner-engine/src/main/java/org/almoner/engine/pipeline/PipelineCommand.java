package org.almoner.engine.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.linkage.LinkSettings;
import org.almoner.engine.linkage.ProbabilisticLinker;
import org.almoner.engine.linkage.SupplementaryLinker;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner pipeline}: builds the linked data set from an input folder. */
@Command(
        name = "pipeline",
        header = "Build the linked data set: quality, pseudonyms, links, costs.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Build the linked data set: load every input file and check its quality, pseudonymise people,",
            "link activity to people by NHS number, cost every row, and write the results.",
            "",
            "Stages: ingest and data quality (completeness, validity, timeliness, use of defaults) ->",
            "pseudonymise (HMAC-SHA-256 with your key) -> link -> cost (tariff x MFF, else reference",
            "cost, else local cost, else PSSRU unit cost) -> output.",
            "",
            "Outputs appear whole or not at all: if anything fails, the output folder is left as it was.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner key --out northfield.key",
            "  almoner pipeline --in data/2024 --out linked/2024 --key-file northfield.key",
            "  ALMONER_PSEUDONYMISATION_KEY=... almoner pipeline --in data --out linked --replace",
            "",
            "The input folder holds people.csv, diagnoses.csv, condition_registers.csv and activity/*.csv",
            "(or .parquet), and optionally fhir/*.json FHIR R4 bundles; docs/formats.md describes every column.",
            "Open OUT/quality/data_quality.html first: it says which sources need attention.",
        })
public final class PipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FOLDER", description = "Input folder.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FOLDER",
            description = "Output folder; must be new or empty unless --replace is given.")
    Path output;

    @Option(names = "--reference", paramLabel = "FOLDER",
            description = "Reference data (tariff, MFF, reference, local and unit costs, providers, contracts). "
                    + "Default: the sample set shipped with Almoner; see docs/reference-data.md.")
    Path reference;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Pseudonymisation key file, one per data-sharing agreement. Default: the environment variable "
                    + PseudonymisationKey.ENVIRONMENT_VARIABLE + ".")
    Path keyFile;

    @Option(names = "--linkage-keys", paramLabel = "FOLDER",
            description = "Also write the identifiers of people not linked by NHS number here, separately from the "
                    + "pseudonymised outputs, for probabilistic linkage. Default: not written.")
    Path linkageKeys;

    @Option(names = "--probabilistic-linkage",
            description = "Also link the records the NHS number cannot (social care, VCSE, education, mistyped numbers) by"
                    + " probabilistic record linkage on name, date of birth, sex and postcode, inside the pseudonymisation"
                    + " boundary (see docs/linkage.md). Default: off.")
    boolean probabilisticLinkage;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Judge the data as at this date (ages, timeliness, future dates). Default: today.")
    LocalDate asOf;

    @Option(names = "--timeliness-days", paramLabel = "DAYS", defaultValue = "30",
            description = "A record is timely when it reached its source within this many days of the activity. "
                    + "Default: ${DEFAULT-VALUE}.")
    int timelinessDays;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all processors.")
    Integer threads;

    @Option(names = "--memory-limit", paramLabel = "MB", defaultValue = "4096",
            description = "Database memory limit in megabytes; beyond it the work spills to disk. Default: ${DEFAULT-VALUE}.")
    long memoryLimitMegabytes;

    private final Clock clock;

    public PipelineCommand() {
        this(Clock.systemDefaultZone());
    }

    PipelineCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PseudonymisationKey key = PseudonymisationKey.fromFileOrEnvironment(keyFile, System.getenv());
        DuckDbSettings database = new DuckDbSettings(
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, memoryLimitMegabytes, null);
        PipelineRequest request = new PipelineRequest(input, reference, output, linkageKeys, key,
                asOf == null ? LocalDate.now(clock) : asOf, timelinessDays, replace, database);
        List<SupplementaryLinker> linkers = probabilisticLinkage
                ? List.of(new ProbabilisticLinker(LinkSettings.defaults(), line -> { }))
                : List.of();
        PipelineResult result = new Pipeline(linkers, Pipeline.StageListener.console()).run(request);
        PrintWriter out = spec.commandLine().getOut();
        printReport(result, out);
        out.flush();
        return 0;
    }

    /** Prints the plain-English summary of a run: rows, linkage, costs, time per stage, where the outputs are. */
    public static void printReport(PipelineResult result, PrintWriter out) {
        PipelineReport.print(result, out);
    }
}
