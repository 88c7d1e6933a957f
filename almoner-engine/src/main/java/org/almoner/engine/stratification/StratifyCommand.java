package org.almoner.engine.stratification;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.almoner.engine.duckdb.DatabaseOptions;
import org.almoner.engine.duckdb.DuckDbSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner stratify}: risk stratification per person and year from a pipeline output folder. */
@Command(
        name = "stratify",
        header = "Risk stratification per person and year: conditions, Charlson, Elixhauser, frailty, activation.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Work out, for every person and financial year of a pipeline output: long-term conditions (count and "
                    + "list), the Charlson index (Quan 2005 ICD-10 codes; Charlson 1987 and Quan 2011 weights), Elixhauser "
                    + "(van Walraven weights), the Cambridge Multimorbidity Score, the Hospital Frailty Risk Score, "
                    + "frequent attender flags, cost percentile, patient activation level (PAM) and the legal right-to-have "
                    + "flags (NHS Continuing Healthcare, children's continuing care, section 117 aftercare, wheelchair).",
            "",
            "Writes person_year_risk.csv and .parquet, risk.html and code-lists/ (every code list and weight "
                    + "used, with its published source). The output folder appears whole or not at all.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner stratify --in data/output --out data/risk",
            "  almoner cohort --in data/output --stratification data/risk --out data/cohorts",
        })
public final class StratifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FOLDER", description = "A folder written by `almoner pipeline`.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Output folder; must be new or empty unless --replace.")
    Path output;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        DuckDbSettings settings = database.settings();
        StratificationResult result = RiskStratification.run(new PipelineOutput(input), output, replace, settings);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Stratified %,d person-years in %.1f s (rules %s).%n", result.personYears(),
                result.elapsed().toMillis() / 1000.0, RiskStratification.RULES_VERSION);
        out.println("Per person and year: " + result.folder().resolve("person_year_risk.csv"));
        out.println("Summary page:        " + result.folder().resolve("risk.html"));
        out.flush();
        return 0;
    }
}
