package org.almoner.engine.capitation;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDbSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner capitation}: a capitated year-of-care model from the linked data set. */
@Command(
        name = "capitation",
        header = "Set a capitated year-of-care payment per cohort and run it in shadow beside actual spend.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Work out a capitated year-of-care payment from the linked data set (IPC financial model stages 2-4):",
            "the average cost per person of each cohort in the base year, a complexity adjustment fitted on",
            "local data (age, sex, long-term conditions, frailty, deprivation, activation) with its fit, an",
            "uplift to the payment year and a payment per person. When the linked data holds the payment year,",
            "the capitation is set beside actual spend per person, cohort and provider, and the difference is",
            "shared through risk corridors with quality conditions.",
            "",
            "Outputs appear whole or not at all.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner capitation --in data/output --out data/capitation",
            "  almoner capitation --in data/output --cohorts cohorts.csv --settings capitation.yaml --out cap",
            "",
            "The cohort file has columns person_pseudonym, financial_year, cohort (CSV or Parquet); without it",
            "cohorts are derived by age, frailty and long-term conditions. docs/capitation.md explains every file.",
        })
public final class CapitationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--in", "--linked"}, required = true, paramLabel = "FOLDER",
            description = "Output folder of almoner pipeline (as --in of stratify, cohort and statement).")
    Path linked;

    @Option(names = "--out", required = true, paramLabel = "FOLDER",
            description = "Output folder; must be new or empty unless --replace is given.")
    Path output;

    @Option(names = "--cohorts", paramLabel = "FILE",
            description = "Cohorts: person_pseudonym, financial_year, cohort (CSV or Parquet). Default: derived.")
    Path cohorts;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "YAML or JSON settings: baseYear, paymentYear, upliftPercent, poorFitRSquared, corridors,"
                    + " qualityConditions. Default: years from the data, no uplift, corridors 0-2% 100%, 2-5% 50%, over 5% 0%.")
    Path settingsFile;

    @Option(names = "--uplift", paramLabel = "PERCENT",
            description = "Year-on-year uplift in percent; overrides the settings file.")
    BigDecimal uplift;

    @Option(names = "--reference", paramLabel = "FOLDER",
            description = "Reference data folder (provider names). Default: the bundled sample.")
    Path reference;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Option(names = "--memory-limit", paramLabel = "MB", defaultValue = "2048",
            description = "Database memory limit in megabytes. Default: ${DEFAULT-VALUE}.")
    long memoryLimitMegabytes;

    @Override
    public Integer call() {
        CapitationSettings settings = settingsFile == null ? CapitationSettings.defaults()
                : CapitationSettings.read(settingsFile);
        if (uplift != null) {
            if (uplift.abs().compareTo(BigDecimal.valueOf(50)) > 0) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--uplift " + uplift.toPlainString()
                        + " is out of range. Give a yearly uplift in percent from -50 to 50, like 2.5.");
            }
            settings = new CapitationSettings(settings.baseYear(), settings.paymentYear(), uplift,
                    settings.poorFitRSquared(), settings.sharing());
        }
        DuckDbSettings database = new DuckDbSettings(Runtime.getRuntime().availableProcessors(), memoryLimitMegabytes, null);
        CapitationResult result = new Capitation().run(new CapitationRequest(linked, cohorts, reference, settings, output,
                replace, database));
        PrintWriter out = spec.commandLine().getOut();
        CapitationFiles.summary(result).forEach(out::println);
        out.println("Open " + result.output().resolve("report.html") + " to read it; capitation/ holds the baseline, model"
                + " and payments, shadow/ the comparison with actual spend.");
        out.flush();
        return 0;
    }
}
