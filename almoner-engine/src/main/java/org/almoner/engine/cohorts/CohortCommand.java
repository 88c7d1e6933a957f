package org.almoner.engine.cohorts;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.almoner.engine.duckdb.DatabaseOptions;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.stratification.PipelineOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner cohort}: cohorts from a definition file over the stratified population. */
@Command(
        name = "cohort",
        header = "Find cohorts from a readable definition file: sizes, cost by provider, equality.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Find the people in each cohort of a definition file, for every financial year, with each cohort's "
                    + "size, cost by setting and provider, and an equality breakdown (age band, sex, ethnicity, deprivation "
                    + "decile) against the people in need, flagging groups that are under-represented (handbook 2019, "
                    + "3.2.5).",
            "",
            "Definitions are rules over the person-level fields of `almoner stratify`, one line each, for example",
            "  rule: ltc_count >= 4 and age_at_year_start >= 75",
            "  rule: right_to_have_section_117 or emergency_admissions >= 3",
            "  rule: activation_level in (1, 2)",
            "",
            "Without --definitions the built-in cohorts are used (handbook 3.2.1 and 3.2.4 groups, IPC target groups); "
                    + "docs/stratification.md lists them and says where the file is, to copy and change.",
            "",
            "Writes cohort_members.csv and .parquet (person_pseudonym, financial_year, cohort_id), "
                    + "cohort_summary.csv, cohort_cost_by_provider.csv, cohort_equality.csv, cohort_definitions.csv and "
                    + "cohorts.html.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner cohort --in data/output --out data/cohorts",
            "  almoner cohort --in data/output --stratification data/risk --definitions northfield-cohorts.yaml --out data/cohorts",
        })
public final class CohortCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FOLDER", description = "A folder written by `almoner pipeline`.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Output folder; must be new or empty unless --replace.")
    Path output;

    @Option(names = "--definitions", paramLabel = "FILE", description = "Cohort definition file (YAML). Default: the built-in cohorts.")
    Path definitions;

    @Option(names = "--stratification", paramLabel = "FOLDER",
            description = "Read the stratification `almoner stratify` wrote here, instead of working it out again.")
    Path stratification;

    @Option(names = "--reference", paramLabel = "FOLDER", description = "Reference data folder, for provider names. Default: the sample set.")
    Path reference;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        DuckDbSettings settings = database.settings();
        CohortResult result = Cohorts.run(new CohortRequest(new PipelineOutput(input), stratification, definitions, reference,
                output, replace, settings));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Cohorts (definitions %s) in %.1f s:%n", result.definitionsVersion(), result.elapsed().toMillis() / 1000.0);
        for (CohortSize size : result.sizes()) {
            out.printf("  %-32s %s %,10d people%n", size.cohortId(), size.financialYear(), size.people());
        }
        out.printf("Groups under-represented relative to need: %,d (see cohort_equality.csv)%n", result.underRepresented());
        out.println("Members (for capitation and statements): " + result.folder().resolve(Cohorts.MEMBERS_PARQUET));
        out.println("Page:                                    " + result.folder().resolve("cohorts.html"));
        out.flush();
        return 0;
    }
}
