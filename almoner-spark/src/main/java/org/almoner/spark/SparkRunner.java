package org.almoner.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineException;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main class {@code spark-submit} runs: the linked data set pipeline on whatever cluster the
 * submission names (standalone, YARN, Kubernetes), or in local mode when none is named.
 */
@Command(name = "almoner-spark", mixinStandardHelpOptions = true,
        description = {"Runs the linked data set pipeline on Apache Spark: ingest and its row rules, the data quality report, pseudonymisation, "
            + "linkage on the NHS number, costing, the person-year summary, risk stratification, cohort membership and the statements of resources, "
            + "from the same definitions as `almoner pipeline`, `stratify`, `cohort` and `statement` (DuckDB), so both give the same "
            + "numbers. --in and --out may be on any Hadoop file system; see docs/spark.md.", ""},
        footer = {"", "Examples:",
            "  almoner-spark/run-local --in data/input --out data/spark-output \\",
            "      --key-file data/northfield.key",
            "  spark-submit --class org.almoner.spark.SparkRunner --master yarn \\",
            "      almoner-spark-submit.jar --in hdfs:///almoner/input \\",
            "      --out hdfs:///almoner/output --key-file northfield.key",
            "", "Exit codes: 0 done, 64 bad usage, 65 bad input data, 66 input not found,",
            "70 internal error, 73 cannot write output, 78 bad key."})
public final class SparkRunner implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FOLDER",
            description = "Input folder (people, diagnoses, condition_registers and activity/*, as .csv or .parquet).")
    String input;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Output folder; must not exist unless --replace.")
    String output;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Pseudonymisation key file on the driver (from `almoner key`). Default: the"
                    + " ALMONER_PSEUDONYMISATION_KEY environment variable.")
    Path keyFile;

    @Option(names = "--reference", paramLabel = "FOLDER",
            description = "Reference data folder on the driver. Default: the sample bundled with Almoner.")
    Path reference;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Judge the data as at this date (YYYY-MM-DD: ages, timeliness, future dates). Default: today.")
    LocalDate asOf;

    @Option(names = "--timeliness-days", paramLabel = "DAYS", defaultValue = "30",
            description = "A record is timely when it reached its source within this many days of the activity. "
                    + "Default: ${DEFAULT-VALUE}.")
    int timelinessDays;

    @Option(names = "--definitions", paramLabel = "FILE",
            description = "Cohort definitions (YAML, as for `almoner cohort --definitions`) on the driver. Default: the built-in cohorts.")
    Path definitions;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Statement rules (YAML, as for `almoner statement --rules`) on the driver. Default: the built-in rules.")
    Path rules;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkRunner()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            PseudonymisationKey key = PseudonymisationKey.fromFileOrEnvironment(keyFile, System.getenv());
            SparkConf conf = new SparkConf().setAppName("almoner-spark");
            if (!conf.contains("spark.master")) {
                // Not submitted to a cluster: local mode on every core of this machine.
                // A few shuffle partitions per core: the default of 200 is sized for a cluster and makes
                // hundreds of tiny tasks on one machine.
                int cores = Runtime.getRuntime().availableProcessors();
                conf.setMaster("local[*]").set("spark.ui.enabled", "false")
                        .setIfMissing("spark.sql.shuffle.partitions", Integer.toString(Math.max(4, cores * 2)));
            }
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            try (StageProgress progress = StageProgress.console()) {
                spark.sparkContext().setLogLevel("WARN");
                runOn(spark, key, progress, System.out);
            } finally {
                spark.stop();
            }
            return 0;
        } catch (EngineException e) {
            System.err.println(e.getMessage());
            return e.code().exitCode();
        }
    }

    /**
     * Runs the pipeline with this command's options on {@code spark} (which the caller owns and stops), telling
     * {@code progress} of each stage, then prints the summary to {@code out}.
     */
    SparkResult runOn(SparkSession spark, PseudonymisationKey key, StageProgress progress, PrintStream out) {
        SparkResult result = new SparkPipeline(spark, progress).run(new SparkRequest(input, output, reference, key,
                asOf == null ? LocalDate.now() : asOf, timelinessDays, replace, definitions, rules));
        out.printf(Locale.UK, "Read %,d rows: %,d loaded, %,d rejected (see quality/rejects.csv).%n", result.rowsRead(),
                result.rowsLoaded(), result.rowsRejected());
        out.printf(Locale.UK, "Data quality: %d of %d sources need attention (see quality/data_quality.html).%n",
                result.quality().needingAttention().size(), result.quality().sources().size());
        new TreeMap<>(result.costing()).forEach((method, tally) -> out.printf(Locale.UK, "  %-15s %,12d rows  £%,.2f%n", method,
                tally.rows(), tally.cost()));
        if (result.uncostedRows() > 0) {
            out.printf(Locale.UK, "%,d rows could not be costed; costing/uncosted.csv says what was tried for each.%n",
                    result.uncostedRows());
        }
        out.printf(Locale.UK, "%,d person-years in summary/person_year_summary.parquet, %,d stratified in risk/,"
                + " %,d cohort memberships in cohorts/.%n%,d system statement lines and %,d indicative budgets"
                + " (£%,.2f) for %s in statements/.%nOutput: %s (%.1f s)%n", result.personYears(),
                result.personYearsStratified(), result.cohortMemberships(), result.statements().systemStatementLines(),
                result.statements().indicativeBudgets(), result.statements().indicativeBudgetTotal(),
                result.statements().baseYear(), result.output(),
                result.elapsed().toMillis() / 1000.0);
        out.flush();
        return result;
    }
}
