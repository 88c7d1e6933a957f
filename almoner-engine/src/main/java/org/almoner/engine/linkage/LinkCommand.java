package org.almoner.engine.linkage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.linkage.internal.PeakMemory;
import org.almoner.engine.linkage.internal.StageClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner link}: probabilistic record linkage of two files, or de-duplication of one. */
@Command(
        name = "link",
        header = "Link two files of people, or de-duplicate one, by probabilistic record linkage.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Link records of the same person across two CSV or Parquet files (or within one) that share no",
            "reliable identifier, by comparing given name, family name, date of birth, sex and postcode",
            "(Fellegi-Sunter: m by expectation-maximisation, u from random pairs, rarer names count for more).",
            "",
            "The configuration file (YAML or JSON) says which files, which of their columns hold what, the",
            "blocking rules and the thresholds; docs/linkage.md has an example. The comparisons each blocking",
            "rule makes are counted, and checked against maximum_comparisons, before anything is compared.",
            "",
            "Writes to the output folder, whole or not at all: pairs.csv (links with their match weight and",
            "what each field added), clerical_review.csv, clusters.csv (persons), parameters.csv (m and u per",
            "level), report.html, and evaluation.csv when the configuration gives the true identities.",
        },
        footer = {
            "",
            "Examples:",
            "  almoner link --config link.yaml --out linked",
            "  almoner link --config link.yaml --out linked --replace --explain P00000001,SC1234",
            "  almoner link --config link.yaml --out linked --benchmark",
        })
public final class LinkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Link configuration (YAML or JSON).")
    Path configuration;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Output folder; must be new or empty unless --replace.")
    Path output;

    @Option(names = "--replace", description = "Replace an existing output folder (only once the new one is complete).")
    boolean replace;

    @Option(names = "--explain", paramLabel = "LEFT_ID,RIGHT_ID", split = ";",
            description = "Print what each field added to the match weight of this pair (repeatable).")
    List<String> explain;

    @Option(names = "--benchmark", description = "Also print the time of every stage and the peak memory of the process.")
    boolean benchmark;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all processors.")
    Integer threads;

    @Option(names = "--memory-limit", paramLabel = "MB", defaultValue = "4096",
            description = "Database memory limit in megabytes; beyond it the work spills to disk. Default: ${DEFAULT-VALUE}.")
    long memoryLimitMegabytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LinkConfiguration config = LinkConfiguration.read(configuration);
        DuckDbSettings database = new DuckDbSettings(threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                memoryLimitMegabytes, null);
        List<List<String>> pairs = new ArrayList<>();
        for (String pair : explain == null ? List.<String>of() : explain) {
            String[] ids = pair.split(",", 2);
            if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--explain " + pair + " needs two record ids separated by a comma,"
                        + " left first, for example --explain P00000001,SC1234.");
            }
            pairs.add(List.of(ids[0].strip(), ids[1].strip()));
        }
        StageClock clock = StageClock.start();
        LinkJob.Result result = new LinkJob(line -> {
            out.println(line);
            out.flush();
        }).run(config, output, replace, database, pairs);
        LinkOutcome outcome = result.outcome();
        out.printf(Locale.UK, "%nRecords: %,d left%s. Pairs compared: %,d.%n", outcome.leftRecords(),
                config.deduplicate() ? " (de-duplicated)" : String.format(Locale.UK, ", %,d right", outcome.rightRecords()), outcome.comparedPairs());
        if (result.unreadDates() > 0) {
            out.printf(Locale.UK, "%,d dates of birth could not be read as %s and were treated as blank; set date_format if they are"
                    + " written another way.%n", result.unreadDates(), config.left().dateFormat());
        }
        out.printf(Locale.UK, "Links: %,d (match weight %.2f or more). Clerical review: %,d (from %.2f). Persons: %,d.%n",
                outcome.links(), config.settings().linkWeight(), outcome.review(), config.settings().reviewWeight(), outcome.clusters());
        out.printf(Locale.UK, "Prior match probability (two records taken at random): %.3g; EM %s after %d iterations.%n%n",
                outcome.parameters().prior(), outcome.parameters().converged() ? "converged" : "did NOT converge", outcome.parameters().iterations());
        out.println("m and u per comparison level (weight = log2(m/u)):");
        for (LinkField field : LinkField.values()) {
            for (int level = 0; level < field.levels().size(); level++) {
                out.printf(Locale.UK, "  %-14s %-44s m %.4f  u %.6f  weight %+6.2f%n", field.column(), field.levels().get(level),
                        outcome.parameters().m().get(field).get(level), outcome.parameters().u().get(field).get(level),
                        outcome.parameters().weight(field, level));
            }
        }
        if (result.evaluation() != null) {
            out.printf(Locale.UK, "%nAgainst the true identities, at the link threshold: %s%n",
                    LinkReportPage.pointSentence(result.evaluation().atLinkWeight()));
            out.println("Threshold sweep (match weight at least: precision, recall, F1):");
            for (Evaluation.Point point : result.evaluation().sweep()) {
                out.printf(Locale.UK, "  %6.2f: %.4f  %.4f  %.4f  (%,d links)%n", point.threshold(), point.precision(), point.recall(),
                        point.f1(), point.links());
            }
        }
        out.println();
        out.println("Pairs nearest the thresholds, with what each field added:");
        result.nearThreshold().forEach(pair -> out.print(pair.text()));
        if (benchmark) {
            out.println();
            out.println("Time per stage:");
            out.printf(Locale.UK, "  %-40s %8s   %s%n", "", "wall", "processor (user + system, all threads)");
            result.stages().forEach(stage -> out.printf(Locale.UK, "  %-40s %8.2f s %8.2f s%n", stage.stage(), stage.time().toMillis() / 1000.0,
                    stage.processorTime().toMillis() / 1000.0));
            out.printf(Locale.UK, "  %-40s %8.2f s %8.2f s%n", "Total", clock.wall().toMillis() / 1000.0, clock.cpu().toMillis() / 1000.0);
            OptionalLong peak = PeakMemory.peakBytes();
            out.println("Peak memory (resident, Java and DuckDB): "
                    + (peak.isPresent() ? String.format(Locale.UK, "%.2f GB", peak.getAsLong() / 1e9) : "not available on this system"));
        }
        out.printf("%nResults in %s (open report.html first).%n", output);
        result.requested().forEach(out::print);
        out.flush();
        return 0;
    }
}
