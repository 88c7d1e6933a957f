package org.almoner.engine.statements;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.almoner.engine.duckdb.DatabaseOptions;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.cohorts.CohortRequest;
import org.almoner.engine.cohorts.CohortResult;
import org.almoner.engine.cohorts.Cohorts;
import org.almoner.engine.page.HtmlPage;
import org.almoner.engine.stratification.PipelineOutput;
import org.almoner.engine.stratification.RiskStratification;
import org.almoner.engine.stratification.StratificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner statement}: statements of resources and transparent indicative budgets. */
@Command(
        name = "statement",
        header = "Statements of resources and indicative budgets, with the working and a letter.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Write the system-level statement of resources for every cohort and band of need (current provider, "
                    + "service, what it is for, how cost is calculated, units per year, cost per unit, whether it can be in "
                    + "personal budgets and when, forecast = uptake x units x cost), and each cohort member's person-level "
                    + "statement and indicative budget: services that can be in the budget, blended with the needs "
                    + "assessment (fluctuating and deteriorating conditions), never above the cost of current care, with "
                    + "NHS, social care and education contributions in one figure and a cross-check for services funded "
                    + "twice (handbook 2019, 2.7.4 and 5.2.5).",
            "",
            "Which services can be included and from when is local configuration: --rules FILE (YAML); the "
                    + "built-in rules (docs/stratification.md says where) are copied into every output as "
                    + "statement-rules.yaml, to copy and change. --needs-assessments FILE (CSV) gives recorded needs "
                    + "assessments, which take the place of the rules' stand-ins for those people.",
            "",
            "Writes system_statement.csv and .html, person_statements.csv, indicative_budgets.csv, "
                    + "double_funding.csv, and letters/PSEUDONYM.html (the statement and \"how your indicative budget was "
                    + "worked out\") for each --person.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner statement --in data/output --out data/statements",
            "  almoner statement --in data/output --write-stratification data/risk --write-cohorts data/cohorts --out data/statements",
            "  almoner statement --in data/output --stratification data/risk --cohorts data/cohorts --rules local-rules.yaml \\",
            "      --cohort older_multimorbid --person 3f9c0a... --out data/statements",
        })
public final class StatementCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FOLDER", description = "A folder written by `almoner pipeline`.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Output folder; must be new or empty unless --replace.")
    Path output;

    @Option(names = "--rules", paramLabel = "FILE", description = "Statement rules (YAML). Default: the built-in rules.")
    Path rules;

    @Option(names = "--needs-assessments", paramLabel = "FILE",
            description = "Recorded needs assessments (CSV: person_pseudonym, trajectory, adjustment_percent, assessed_on);"
                    + " they take the place of the rules' deteriorating and fluctuating stand-ins for those people.")
    Path needsAssessments;

    @Option(names = "--stratification", paramLabel = "FOLDER", description = "Read the output of `almoner stratify` instead of stratifying again.")
    Path stratification;

    @Option(names = "--cohorts", paramLabel = "FOLDER", description = "Read the output of `almoner cohort`. Default: the built-in cohorts.")
    Path cohorts;

    @Option(names = "--write-stratification", paramLabel = "FOLDER", description = "Also stratify into FOLDER (as `almoner stratify`"
            + " --out FOLDER) in this same run, then use it; saves starting a separate command. Goes with --write-cohorts.")
    Path writeStratification;

    @Option(names = "--write-cohorts", paramLabel = "FOLDER", description = "Also find the built-in cohorts into FOLDER (as `almoner"
            + " cohort --out FOLDER`) in this same run, then use them. Goes with --write-stratification.")
    Path writeCohorts;

    @Option(names = "--cohort", paramLabel = "ID", description = "Only these cohorts (repeat for several). Default: every cohort.")
    List<String> cohortIds = new ArrayList<>();

    @Option(names = "--person", paramLabel = "PSEUDONYM", description = "Write this person's statement and letter (repeat for several).")
    List<String> people = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "FOLDER", description = "Reference data folder, for provider names. Default: the sample set.")
    Path reference;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        DuckDbSettings settings = database.settings();
        PrintWriter out = spec.commandLine().getOut();
        if (writeStratification != null || writeCohorts != null) {
            if (writeStratification == null || writeCohorts == null || stratification != null || cohorts != null) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--write-stratification and --write-cohorts go"
                        + " together, and in place of --stratification and --cohorts: give both folders to write, or read"
                        + " earlier outputs with --stratification and --cohorts.");
            }
            // One process for all three: the stratification and cohorts are written whole, then read back exactly as
            // separate commands would, so every output is the same as running them one after another.
            StratificationResult risk = RiskStratification.run(new PipelineOutput(input), writeStratification, replace, settings);
            out.printf("Stratified %,d person-years in %.1f s: %s%n", risk.personYears(), risk.elapsed().toMillis() / 1000.0,
                    risk.folder());
            CohortResult found = Cohorts.run(new CohortRequest(new PipelineOutput(input), risk.folder(), null, reference,
                    writeCohorts, replace, settings));
            out.printf("Cohorts in %.1f s: %s%n", found.elapsed().toMillis() / 1000.0, found.folder());
            out.flush();
            stratification = risk.folder();
            cohorts = found.folder();
        }
        StatementResult result = Statements.run(new StatementRequest(new PipelineOutput(input), stratification, cohorts, rules,
                needsAssessments, reference, cohortIds, people, output, replace, settings));
        out.printf("Statements of resources for %s (rules %s) in %.1f s:%n", result.baseYear(), result.rulesVersion(),
                result.elapsed().toMillis() / 1000.0);
        out.printf("  system-level statement rows: %,d%n", result.systemLines());
        out.printf("  people with an indicative budget: %,d, totalling %s; %,d limited by the cost of current care%n",
                result.people(), HtmlPage.money(result.totalIndicativeBudget()), result.capped());
        out.printf("  possible double funding to check: %,d (double_funding.csv)%n", result.doubleFunding());
        if (result.letters() > 0) {
            out.printf("  letters: %d in %s%n", result.letters(), result.folder().resolve("letters"));
        }
        out.println("System-level statement: " + result.folder().resolve("system_statement.html"));
        out.flush();
        return 0;
    }
}
