package org.almoner.engine.release;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.capitation.FinancialYear;
import org.almoner.engine.duckdb.DuckDbSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner release}: compare scenarios for releasing funding from contracts for personal health budgets. */
@Command(
        name = "release",
        header = "Compare plans for releasing funding from contracts for personal health budgets.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Plan how personal health budgets are funded from existing contracts over several years (handbook",
            "2019, 3.1 and 3.3): for each contract, the activity and cost that belongs to each cohort; then each",
            "scenario's methods (double-funding, local CQUIN, gain/risk-sharing, provider-managed budgets,",
            "reduced growth, individualised commissioning, services with vacancies or quality issues, capitated",
            "budgets and top-slicing, money follows the person) worked year by year as budget numbers grow, with",
            "the share of each contract released, flagged over the stability threshold, and the net effect on",
            "each provider. Scenarios are compared side by side in comparison.csv and comparison.html.",
            "",
            "Outputs appear whole or not at all.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner release --in data/output --scenario docs/examples/release-staged.yaml --out data/release",
            "  almoner release --in data/output --scenario a.yaml --scenario b.yaml --out data/release --replace",
            "",
            "docs/capitation.md describes the scenario file; docs/examples/ has two to start from.",
        })
public final class ReleaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--in", "--linked"}, required = true, paramLabel = "FOLDER",
            description = "Output folder of almoner pipeline (as --in of stratify, cohort and statement).")
    Path linked;

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "A scenario file (YAML or JSON); repeat to compare several.")
    List<Path> scenarios;

    @Option(names = "--out", required = true, paramLabel = "FOLDER",
            description = "Output folder; must be new or empty unless --replace is given.")
    Path output;

    @Option(names = "--cohorts", paramLabel = "FILE",
            description = "Cohorts: person_pseudonym, financial_year, cohort (CSV or Parquet). Default: derived.")
    Path cohorts;

    @Option(names = "--reference", paramLabel = "FOLDER",
            description = "Reference data folder (contracts, providers). Default: the bundled sample.")
    Path reference;

    @Option(names = "--base-year", paramLabel = "YEAR",
            description = "Contracts and activity of this year, like 2024/25. Default: the latest year in the data.")
    String baseYear;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Option(names = "--memory-limit", paramLabel = "MB", defaultValue = "2048",
            description = "Database memory limit in megabytes. Default: ${DEFAULT-VALUE}.")
    long memoryLimitMegabytes;

    @Override
    public Integer call() {
        FinancialYear base = null;
        if (baseYear != null) {
            base = FinancialYear.parseOrNull(baseYear);
            if (base == null) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--base-year " + baseYear
                        + " is not a financial year. Write it like 2024/25.");
            }
        }
        DuckDbSettings database = new DuckDbSettings(Runtime.getRuntime().availableProcessors(), memoryLimitMegabytes, null);
        Release.Outcome outcome = new Release().run(new ReleaseRequest(linked, cohorts, reference, scenarios, base, output,
                replace, database));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Contracts of " + outcome.baseYear() + ": " + outcome.contracts().size() + ". Scenarios compared:");
        for (ScenarioResult result : outcome.results()) {
            out.println(String.format(Locale.UK, "  %-45s released %s over %d years against budget holders' own spend of %s,"
                    + " double-funding %s, not yet funded %s, %d contract-years over the %s%% threshold", result.scenario().name(),
                    ComparisonPage.pounds(result.totalReleased()), result.scenario().horizonYears(),
                    ComparisonPage.pounds(result.totalBudgetHoldersSpend()),
                    ComparisonPage.pounds(result.totalDoubleFunding()), ComparisonPage.pounds(result.totalUnfunded()),
                    result.contractYearsFlagged(), result.scenario().stabilityThresholdPercent().stripTrailingZeros().toPlainString()));
        }
        out.println("Open " + outcome.output().resolve("comparison.html") + " to compare them; comparison.csv has the same"
                + " figures, scenarios/ each contract and provider by year.");
        out.flush();
        return 0;
    }
}
