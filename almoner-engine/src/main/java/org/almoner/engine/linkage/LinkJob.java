package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.linkage.internal.StageClock;
import org.almoner.engine.pipeline.PublishedFolder;

/**
 * One run of {@code almoner link}: load the sources, check the configuration against them (columns,
 * records, comparisons per rule) before any comparing, link, evaluate against the truth if given,
 * and publish the output folder whole or not at all.
 */
public final class LinkJob {

    /** Explained pairs shown in the report per list. */
    private static final int EXPLAINED = 50;

    private final Consumer<String> log;

    public LinkJob(Consumer<String> log) {
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * What the run found.
     *
     * @param outcome the linkage
     * @param evaluation precision and recall, or null without truth
     * @param unreadDates dates of birth that could not be read (treated as blank)
     * @param stages time per stage including loading and writing
     * @param nearThreshold explanations of the pairs nearest the link threshold
     * @param requested explanations of the pairs asked for, as text
     */
    public record Result(LinkOutcome outcome, Evaluation evaluation, long unreadDates, List<LinkOutcome.StageTime> stages,
            List<PairExplanation> nearThreshold, List<String> requested) {
    }

    /** Links as {@code configuration} says and writes the results to {@code output}. */
    public Result run(LinkConfiguration configuration, Path output, boolean replace, DuckDbSettings database) {
        return run(configuration, output, replace, database, List.of());
    }

    /**
     * Links and writes as {@link #run(LinkConfiguration, Path, boolean, DuckDbSettings)}, and explains the
     * pairs asked for (each a left and a right record id).
     */
    public Result run(LinkConfiguration configuration, Path output, boolean replace, DuckDbSettings database, List<List<String>> explain) {
        requireNonNull(configuration, "configuration is null");
        try (PublishedFolder folder = PublishedFolder.prepare(output, replace)) {
            Path work = Files.createTempDirectory(folder.staging().getParent(), ".almoner-link-work");
            try (Connection connection = DuckDb.open(null, database.withTemporaryDirectory(work))) {
                Result result = link(connection, configuration, folder.staging(), explain);
                folder.publish();
                return result;
            } finally {
                deleteQuietly(work);
            }
        } catch (SQLException | IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not prepare the work folder beside " + output + ": " + e.getMessage(), e);
        }
    }

    private Result link(Connection connection, LinkConfiguration configuration, Path staging, List<List<String>> explain) {
        List<LinkOutcome.StageTime> stages = new ArrayList<>();
        StageClock clock = StageClock.start();
        log.accept("Reading " + configuration.left().name() + (configuration.deduplicate() ? "" : " and " + configuration.right().name()));
        long unreadDates = LinkInput.load(connection, configuration.left(), "link_left_input", configuration.file());
        if (!configuration.deduplicate()) {
            unreadDates += LinkInput.load(connection, configuration.right(), "link_right_input", configuration.file());
        }
        FellegiSunterLinker linker = new FellegiSunterLinker(connection, configuration.settings(), log);
        List<LinkOutcome.RuleCount> counts = linker.prepare("link_left_input", configuration.deduplicate() ? null : "link_right_input");
        for (LinkOutcome.RuleCount count : counts) {
            log.accept(String.format(java.util.Locale.UK, "  blocking rule %-50s %,15d pairs", count.rule().description(), count.pairs()));
        }
        linker.checkComparisons(counts, configuration.file().toString());
        stages.add(LinkOutcome.StageTime.of("Read, prepare and count comparisons", clock));
        LinkOutcome outcome = linker.run(counts, configuration.deduplicate());
        stages.addAll(outcome.stages());

        Evaluation evaluation = null;
        boolean leftTruth = configuration.left().truth() != null;
        boolean rightTruth = configuration.deduplicate() ? leftTruth : configuration.right().truth() != null;
        if (leftTruth && rightTruth) {
            clock = StageClock.start();
            evaluation = Evaluation.evaluate(connection, "link_left_input_truth",
                    configuration.deduplicate() ? "link_left_input_truth" : "link_right_input_truth", configuration.deduplicate(),
                    configuration.settings().linkWeight(), Evaluation.thresholds(-4, 20, 2));
            stages.add(LinkOutcome.StageTime.of("Evaluate against the truth", clock));
        }

        clock = StageClock.start();
        log.accept("Writing results");
        write(connection, staging, outcome);
        List<PairExplanation> review = PairExplanation.of(connection, outcome.parameters(), "decision = 'REVIEW'", "match_weight DESC", EXPLAINED);
        List<PairExplanation> weakest = PairExplanation.of(connection, outcome.parameters(), "decision = 'LINK'", "match_weight", EXPLAINED);
        try {
            Files.writeString(staging.resolve("report.html"), LinkReportPage.render(configuration, outcome, review, weakest, evaluation));
            if (evaluation != null) {
                StringBuilder csv = new StringBuilder("threshold,links,correct,true_pairs,precision,recall,f1\n");
                for (Evaluation.Point point : evaluation.sweep()) {
                    csv.append(String.format(java.util.Locale.ROOT, "%.2f,%d,%d,%d,%.6f,%.6f,%.6f%n", point.threshold(), point.links(),
                            point.correct(), point.truePairs(), point.precision(), point.recall(), point.f1()));
                }
                Files.writeString(staging.resolve("evaluation.csv"), csv);
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the report: " + e.getMessage(), e);
        }
        stages.add(LinkOutcome.StageTime.of("Write results", clock));
        List<PairExplanation> near = new ArrayList<>(weakest.subList(0, Math.min(3, weakest.size())));
        near.addAll(review.subList(0, Math.min(3, review.size())));
        List<String> requested = new ArrayList<>();
        for (List<String> pair : explain) {
            PairExplanation found = PairExplanation.of(connection, outcome.parameters(), pair.get(0), pair.get(1));
            if (found == null && configuration.deduplicate()) {
                found = PairExplanation.of(connection, outcome.parameters(), pair.get(1), pair.get(0));
            }
            requested.add(found != null ? found.text() : pair.get(0) + " ~ " + pair.get(1) + ": never compared; no blocking rule put"
                    + " them together (or an id is not in the files). Add a blocking rule they agree on to compare them.\n");
        }
        return new Result(outcome, evaluation, unreadDates, stages, near, requested);
    }

    private static void write(Connection connection, Path staging, LinkOutcome outcome) {
        StringBuilder columns = new StringBuilder("left_id, right_id, round(match_weight, 4) AS match_weight, round(match_probability, 6) AS match_probability");
        for (LinkField field : LinkField.values()) {
            String column = field.column();
            columns.append(", CASE ").append(column).append("_level WHEN -1 THEN 'blank'");
            for (int level = 0; level < field.levels().size(); level++) {
                columns.append(" WHEN ").append(level).append(" THEN ").append(DuckDb.literal(field.levels().get(level)));
            }
            columns.append(" END AS ").append(column).append("_level, round(").append(column).append("_weight")
                    .append(field.termFrequencyAdjusted() ? " + " + column + "_frequency_adjustment" : "")
                    .append(", 4) AS ").append(column).append("_weight");
        }
        copy(connection, "SELECT " + columns + " FROM fs_pairs WHERE decision = 'LINK' ORDER BY match_weight DESC, left_id, right_id",
                staging.resolve("pairs.csv"));
        copy(connection, "SELECT " + columns + " FROM fs_pairs WHERE decision = 'REVIEW' ORDER BY match_weight DESC, left_id, right_id",
                staging.resolve("clerical_review.csv"));
        copy(connection, "SELECT cluster_id, side, record_id FROM fs_clusters ORDER BY cluster_id, side, record_id", staging.resolve("clusters.csv"));
        StringBuilder parameters = new StringBuilder("SELECT * FROM (VALUES ");
        boolean first = true;
        for (LinkField field : LinkField.values()) {
            for (int level = 0; level < field.levels().size(); level++) {
                parameters.append(first ? "" : ", ").append("(").append(DuckDb.literal(field.column())).append(", ").append(level).append(", ")
                        .append(DuckDb.literal(field.levels().get(level))).append(", ").append(outcome.parameters().m().get(field).get(level))
                        .append(", ").append(outcome.parameters().u().get(field).get(level)).append(", ")
                        .append(outcome.parameters().weight(field, level)).append(")");
                first = false;
            }
        }
        parameters.append(") t(field, level, label, m, u, weight)");
        copy(connection, parameters.toString(), staging.resolve("parameters.csv"));
    }

    private static void copy(Connection connection, String query, Path file) {
        Sql.execute(connection, "COPY (" + query + ") TO " + DuckDb.literal(file.toString()) + " (FORMAT csv, HEADER true)");
    }


    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // The work folder is a courtesy to clean; a leftover one is harmless.
        }
    }
}
