package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.linkage.internal.Clustering;
import org.almoner.engine.linkage.internal.StageClock;
import org.almoner.engine.linkage.internal.ComparisonPattern;
import org.almoner.engine.linkage.internal.ExpectationMaximisation;

/**
 * Fellegi-Sunter probabilistic record linkage in DuckDB SQL. Blocking, comparison and scoring are
 * set-based SQL; only expectation-maximisation runs in Java, on the counts of each combination of
 * comparison levels.
 *
 * <p>Input: two tables (or one, to de-duplicate) with columns {@code record_id, given_name,
 * family_name, date_of_birth (DATE), sex, postcode}. Output tables: {@code fs_pairs} (every compared
 * pair: ids, blocking rule, each field's level, weight and term-frequency adjustment, match weight,
 * match probability, decision LINK / REVIEW / NON_LINK) and {@code fs_clusters} ({@code side,
 * record_id, cluster_id}). Tables starting {@code fs_} belong to the linker.
 */
public final class FellegiSunterLinker {

    private static final String LEFT = "fs_left";
    private static final String RIGHT = "fs_right";

    private final Connection connection;
    private final LinkSettings settings;
    private final Consumer<String> log;

    /**
     * @param log receives a line as each stage starts (for the console); may ignore them
     */
    public FellegiSunterLinker(Connection connection, LinkSettings settings, Consumer<String> log) {
        this.connection = requireNonNull(connection, "connection is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * Prepares the records and counts what each blocking rule would compare. Fails, before comparing
     * anything, when a rule generates more than the settings allow or a side has no records.
     *
     * @param rightTable the right-hand table, or null to de-duplicate {@code leftTable}
     */
    public List<LinkOutcome.RuleCount> prepare(String leftTable, String rightTable) {
        Sql.execute(connection, "CREATE OR REPLACE TABLE fs_nicknames AS SELECT nickname, list(DISTINCT given_name) AS given_names FROM ("
                + nicknameValues() + ") t(nickname, given_name) GROUP BY nickname");
        String template = Sql.resource(FellegiSunterLinker.class, "prepare-records.sql");
        Sql.execute(connection, template.replace("{target}", LEFT).replace("{source}", leftTable));
        if (rightTable != null) {
            Sql.execute(connection, template.replace("{target}", RIGHT).replace("{source}", rightTable));
        }
        addNameFrequencies(rightTable == null);
        if (rightTable == null) {
            Sql.execute(connection, "CREATE OR REPLACE VIEW " + RIGHT + " AS SELECT * FROM " + LEFT);
        }
        List<LinkOutcome.RuleCount> counts = new ArrayList<>();
        for (BlockingRule rule : settings.blockingRules()) {
            String keys = String.join(", ", rule.keys());
            String notNull = String.join(" IS NOT NULL AND ", rule.keys()) + " IS NOT NULL";
            String pairs = rightTable == null ? "sum(l.n * (l.n - 1) / 2)" : "sum(l.n * r.n)";
            long count = Sql.queryLong(connection, "WITH l AS (SELECT " + keys + ", count(*) AS n FROM " + LEFT + " WHERE " + notNull
                    + " GROUP BY ALL), r AS (SELECT " + keys + ", count(*) AS n FROM " + RIGHT + " WHERE " + notNull
                    + " GROUP BY ALL) SELECT coalesce(" + pairs + ", 0)::BIGINT FROM l JOIN r USING (" + keys + ")");
            counts.add(new LinkOutcome.RuleCount(rule, count));
        }
        return counts;
    }

    /** Checks the counts from {@link #prepare} against the limit; names the rule and what to do. */
    public void checkComparisons(List<LinkOutcome.RuleCount> counts, String where) {
        for (LinkOutcome.RuleCount count : counts) {
            if (count.pairs() > settings.maximumComparisons()) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, String.format(Locale.UK,
                        "The blocking rule '%s' in %s would compare %,d pairs, more than the limit of %,d. Add a key to the"
                                + " rule (for example family_name_initial or postcode_district) so it compares fewer pairs,"
                                + " or raise maximum_comparisons if the machine can take it.",
                        count.rule().description(), where, count.pairs(), settings.maximumComparisons()));
            }
        }
    }

    /** Runs the linkage after {@link #prepare}. */
    public LinkOutcome run(List<LinkOutcome.RuleCount> counts, boolean deduplicate) {
        List<LinkOutcome.StageTime> stages = new ArrayList<>();
        long leftRecords = Sql.queryLong(connection, "SELECT count(*) FROM " + LEFT);
        long rightRecords = deduplicate ? leftRecords : Sql.queryLong(connection, "SELECT count(*) FROM " + RIGHT);
        String levels = Sql.resource(FellegiSunterLinker.class, "comparison-levels.sql");

        StageClock clock = StageClock.start();
        log.accept("Comparing pairs from " + counts.size() + " blocking rules");
        // Records that agree on every field (a person's many activity rows) are compared once, as one
        // profile, and the comparison is then given to each pair of their records: the string
        // comparisons cost per profile pair, not per record pair, and every record pair gets exactly
        // the levels it would have got on its own.
        String leftProfiles = groupIntoProfiles(LEFT);
        String rightProfiles = deduplicate ? leftProfiles : groupIntoProfiles(RIGHT);
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < settings.blockingRules().size(); i++) {
            if (i > 0) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT l.profile_id AS left_profile, r.profile_id AS right_profile, ").append(i + 1).append(" AS rule FROM ")
                    .append(leftProfiles).append(" l JOIN ").append(rightProfiles).append(" r ON ")
                    .append(settings.blockingRules().get(i).joinCondition());
        }
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_candidates AS SELECT left_profile, right_profile, min(rule) AS blocking_rule FROM ("
                + union + ") GROUP BY left_profile, right_profile");
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_profile_pairs AS SELECT c.left_profile, c.right_profile, c.blocking_rule, "
                + frequencyColumns() + stripComments(levels) + " FROM fs_candidates c JOIN " + leftProfiles + " l ON l.profile_id = c.left_profile JOIN "
                + rightProfiles + " r ON r.profile_id = c.right_profile");
        long profilePairs = Sql.queryLong(connection, "SELECT count(*) FROM fs_profile_pairs");
        // De-duplicating, each unordered pair of records is kept once, as (smaller id, larger id), as
        // the profile pairs come in both orders.
        Sql.execute(connection, "CREATE OR REPLACE TABLE fs_compared AS SELECT l.record_id AS left_id, r.record_id AS right_id, p.blocking_rule, "
                + "p.* EXCLUDE (left_profile, right_profile, blocking_rule) FROM fs_profile_pairs p JOIN " + leftProfiles
                + "_members l ON l.profile_id = p.left_profile JOIN " + rightProfiles + "_members r ON r.profile_id = p.right_profile"
                + (deduplicate ? " WHERE l.record_id < r.record_id" : ""));
        Sql.execute(connection, "DROP TABLE fs_candidates; DROP TABLE fs_profile_pairs; DROP TABLE " + leftProfiles + "; DROP TABLE "
                + leftProfiles + "_members" + (deduplicate ? "" : "; DROP TABLE " + rightProfiles + "; DROP TABLE " + rightProfiles + "_members"));
        long compared = Sql.queryLong(connection, "SELECT count(*) FROM fs_compared");
        log.accept(String.format(Locale.UK, "  %,d pairs of records compared as %,d pairs of distinct profiles", compared, profilePairs));
        stages.add(LinkOutcome.StageTime.of("Block and compare", clock));

        clock = StageClock.start();
        log.accept("Estimating u from random pairs and m by expectation-maximisation");
        double[][] u = estimateU(levels, deduplicate);
        double possiblePairs = deduplicate ? leftRecords * (leftRecords - 1) / 2.0 : (double) leftRecords * rightRecords;
        ModelParameters parameters = estimateM(u, Math.max(1, possiblePairs));
        stages.add(LinkOutcome.StageTime.of("Estimate m and u", clock));

        clock = StageClock.start();
        log.accept("Scoring and clustering");
        score(parameters);
        cluster(deduplicate);
        long links = Sql.queryLong(connection, "SELECT count(*) FROM fs_pairs WHERE decision = 'LINK'");
        long review = Sql.queryLong(connection, "SELECT count(*) FROM fs_pairs WHERE decision = 'REVIEW'");
        long clusters = Sql.queryLong(connection, "SELECT count(DISTINCT cluster_id) FROM fs_clusters");
        stages.add(LinkOutcome.StageTime.of("Score and cluster", clock));
        return new LinkOutcome(leftRecords, rightRecords, counts, compared, parameters, links, review, clusters, stages);
    }

    private double[][] estimateU(String levels, boolean deduplicate) {
        // Random pairs: two shuffled samples, each record of one paired with several of the other by
        // position. Almost none of them match, so their levels measure u directly.
        long sampleSize = Math.max(1, Math.min(100_000, (long) Math.sqrt(settings.randomPairs()) * 10));
        long shifts = Math.max(1, settings.randomPairs() / sampleSize);
        // A hash of the record id and the seed shuffles the same way every run, whatever the threads.
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_sample_left AS SELECT *, row_number() OVER (ORDER BY hash(record_id, " + settings.seed() + "), record_id) - 1 AS position FROM (SELECT * FROM "
                + LEFT + " ORDER BY hash(record_id, " + settings.seed() + "), record_id LIMIT " + sampleSize + ")");
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_sample_right AS SELECT *, row_number() OVER (ORDER BY hash(record_id, " + (settings.seed() + 1) + "), record_id) - 1 AS position FROM (SELECT * FROM "
                + RIGHT + " ORDER BY hash(record_id, " + (settings.seed() + 1) + "), record_id LIMIT " + sampleSize + ")");
        long rightSize = Sql.queryLong(connection, "SELECT count(*) FROM fs_sample_right");
        // Shifts start at 1 and stay below the sample's size: both samples may come out in the same
        // order (same seed, same input order), and shift 0 would then pair each record with its twin.
        long pairedShifts = Math.max(1, Math.min(shifts, rightSize - 1));
        // The partner's position is worked out first so the join is on equality (a hash join), not an expression.
        List<ComparisonPattern> patterns = patterns("SELECT " + stripComments(levels) + " FROM (SELECT sample.*, (sample.position + s.shift) % "
                + rightSize + " AS partner FROM fs_sample_left sample CROSS JOIN range(1, " + (pairedShifts + 1) + ") s(shift)) l"
                + " JOIN fs_sample_right r ON r.position = l.partner"
                + (deduplicate ? " WHERE l.record_id <> r.record_id" : ""));
        Sql.execute(connection, "DROP TABLE fs_sample_left; DROP TABLE fs_sample_right");
        LinkField[] fields = LinkField.values();
        double[][] u = new double[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            u[f] = marginal(patterns, f, fields[f].levels().size());
        }
        return u;
    }

    /** Shares of each level among pairs with both sides present; half a pair is added to each so none is zero. */
    private static double[] marginal(List<ComparisonPattern> patterns, int field, int levelCount) {
        double[] counts = new double[levelCount];
        for (ComparisonPattern pattern : patterns) {
            int level = pattern.levels()[field];
            if (level >= 0) {
                counts[level] += pattern.pairs();
            }
        }
        double total = 0;
        for (int level = 0; level < levelCount; level++) {
            counts[level] += 0.5;
            total += counts[level];
        }
        for (int level = 0; level < levelCount; level++) {
            counts[level] /= total;
        }
        return counts;
    }

    private ModelParameters estimateM(double[][] u, double possiblePairs) {
        List<ComparisonPattern> patterns = patterns("SELECT " + levelColumns() + " FROM fs_compared");
        LinkField[] fields = LinkField.values();
        double[][] initialM = new double[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            int count = fields[f].levels().size();
            initialM[f] = new double[count];
            // Start from "matches mostly agree exactly": EM then finds how often they do not.
            for (int level = 0; level < count; level++) {
                initialM[f][level] = level == 0 ? 0.9 : 0.1 / (count - 1);
            }
        }
        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(500, 1e-7)
                .fit(patterns, u, initialM, 0.5, null, true);
        // The weights use the u of random pairs, so the prior is the chance that two records taken at
        // random match: the matches EM expects among compared pairs over all possible pairs.
        long compared = patterns.stream().mapToLong(ComparisonPattern::pairs).sum();
        double prior = settings.prior() != null ? settings.prior()
                : Math.min(0.5, Math.max(1e-12, estimate.share() * compared / possiblePairs));
        Map<LinkField, List<Double>> m = new EnumMap<>(LinkField.class);
        Map<LinkField, List<Double>> uByField = new EnumMap<>(LinkField.class);
        double[][] fitted = estimate.m();
        for (int f = 0; f < fields.length; f++) {
            m.put(fields[f], boxed(fitted[f]));
            uByField.put(fields[f], boxed(u[f]));
        }
        return new ModelParameters(prior, m, uByField, estimate.iterations(), estimate.converged());
    }

    /**
     * How common each name is among all records, kept on each record as a number: an exact agreement
     * on a name held by 1 in 10,000 is worth log2(u / 0.0001) more than the average agreement, on one
     * held by 1 in 50 less. Carrying the frequency on the record spares scoring a join on the name
     * for every compared pair.
     */
    private void addNameFrequencies(boolean deduplicate) {
        String right = deduplicate ? LEFT : RIGHT;
        StringBuilder columns = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        for (LinkField field : LinkField.values()) {
            if (field.termFrequencyAdjusted()) {
                String column = field.column();
                // Both sides counted, as records of one person on both sides are the population the name is drawn from.
                Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_frequency_" + column + " AS SELECT value, count(*) / sum(count(*)) OVER () AS frequency FROM ("
                        + "SELECT " + column + " AS value FROM " + LEFT + " UNION ALL SELECT " + column + " AS value FROM " + right
                        + ") WHERE value IS NOT NULL GROUP BY value");
                columns.append(", f_").append(column).append(".frequency AS ").append(column).append("_frequency");
                joins.append(" LEFT JOIN fs_frequency_").append(column).append(" f_").append(column).append(" ON f_").append(column)
                        .append(".value = t.").append(column);
            }
        }
        for (String table : deduplicate ? List.of(LEFT) : List.of(LEFT, RIGHT)) {
            Sql.execute(connection, "CREATE OR REPLACE TABLE " + table + "_counted AS SELECT t.*" + columns + " FROM " + table + " t" + joins);
            Sql.execute(connection, "DROP TABLE " + table + "; ALTER TABLE " + table + "_counted RENAME TO " + table);
        }
        for (LinkField field : LinkField.values()) {
            if (field.termFrequencyAdjusted()) {
                Sql.execute(connection, "DROP TABLE fs_frequency_" + field.column());
            }
        }
    }

    /**
     * Groups the records of {@code table} that agree on every field into profiles: table
     * {@code <table>_profiles} (every prepared column but the record id, and {@code profile_id}) and
     * {@code <table>_profiles_members} ({@code record_id, profile_id}). Returns the profiles' table.
     */
    private String groupIntoProfiles(String table) {
        String profiles = table + "_profiles";
        // Every other prepared column follows from these five, so records equal on them are equal on all.
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE " + profiles + "_members AS SELECT *, dense_rank() OVER"
                + " (ORDER BY given_name, family_name, date_of_birth, sex, postcode) AS profile_id FROM " + table);
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE " + profiles + " AS SELECT DISTINCT ON (profile_id) * EXCLUDE (record_id) FROM "
                + profiles + "_members");
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE " + profiles + "_members_only AS SELECT record_id, profile_id FROM " + profiles + "_members");
        Sql.execute(connection, "DROP TABLE " + profiles + "_members; ALTER TABLE " + profiles + "_members_only RENAME TO " + profiles + "_members");
        return profiles;
    }

    /** The right record's frequency of each term-frequency-adjusted name, for {@code fs_compared}. */
    private static String frequencyColumns() {
        StringBuilder columns = new StringBuilder();
        for (LinkField field : LinkField.values()) {
            if (field.termFrequencyAdjusted()) {
                columns.append("r.").append(field.column()).append("_frequency, ");
            }
        }
        return columns.toString();
    }

    /**
     * Scores every compared pair: the prior's weight, plus each field's level weight (from a small
     * table of every combination of levels, joined on the pair's levels, rather than a CASE per field
     * per pair), plus the term-frequency adjustment of an exact name agreement.
     */
    private void score(ModelParameters parameters) {
        StringBuilder weights = new StringBuilder("CREATE OR REPLACE TEMP TABLE fs_weights AS SELECT * FROM ");
        StringBuilder levelColumns = new StringBuilder();
        StringBuilder select = new StringBuilder("SELECT c.left_id, c.right_id, c.blocking_rule");
        StringBuilder total = new StringBuilder("CAST(" + parameters.priorWeight() + " AS DOUBLE)");
        LinkField[] fields = LinkField.values();
        for (int f = 0; f < fields.length; f++) {
            LinkField field = fields[f];
            String column = field.column();
            // A blank (-1) adds nothing.
            weights.append(f == 0 ? "" : " CROSS JOIN ").append("(VALUES (-1, CAST(0 AS DOUBLE))");
            for (int level = 0; level < field.levels().size(); level++) {
                weights.append(", (").append(level).append(", CAST(").append(parameters.weight(field, level)).append(" AS DOUBLE))");
            }
            weights.append(") t").append(f).append("(").append(column).append("_level, ").append(column).append("_weight)");
            levelColumns.append(f == 0 ? "" : ", ").append(column).append("_level");
            select.append(", c.").append(column).append("_level, w.").append(column).append("_weight");
            if (field.termFrequencyAdjusted()) {
                double exactU = parameters.u().get(field).get(0);
                select.append(", CASE WHEN c.").append(column).append("_level = 0 AND c.").append(column)
                        .append("_frequency IS NOT NULL THEN log2(CAST(").append(exactU).append(" AS DOUBLE) / c.").append(column)
                        .append("_frequency) ELSE 0 END AS ").append(column).append("_frequency_adjustment");
                total.append(" + ").append(column).append("_frequency_adjustment");
            }
            total.append(" + ").append(column).append("_weight");
        }
        Sql.execute(connection, weights.toString());
        Sql.execute(connection, "CREATE OR REPLACE TABLE fs_pairs AS SELECT *, 1 / (1 + pow(2, -match_weight)) AS match_probability,"
                + " CASE WHEN match_weight >= " + settings.linkWeight() + " THEN 'LINK' WHEN match_weight >= " + settings.reviewWeight()
                + " THEN 'REVIEW' ELSE 'NON_LINK' END AS decision FROM (SELECT *, " + total + " AS match_weight FROM ("
                + select + " FROM fs_compared c JOIN fs_weights w USING (" + levelColumns + ")))");
        Sql.execute(connection, "DROP TABLE fs_weights");
    }

    private void cluster(boolean deduplicate) {
        String rightSide = deduplicate ? "'left'" : "'right'";
        // Records are numbered in the order of (side, record id), so the smallest number in a cluster
        // is its first record and the cluster ids come out as they would from the ids themselves;
        // label propagation on numbers is far cheaper than on text.
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_nodes AS SELECT row_number() OVER (ORDER BY side, record_id) AS node, side, record_id"
                + " FROM (SELECT 'left' AS side, record_id FROM " + LEFT
                + (deduplicate ? "" : " UNION ALL SELECT 'right' AS side, record_id FROM " + RIGHT) + ")");
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_link_edges AS SELECT a.node AS a, b.node AS b FROM fs_pairs p"
                + " JOIN fs_nodes a ON a.side = 'left' AND a.record_id = p.left_id"
                + " JOIN fs_nodes b ON b.side = " + rightSide + " AND b.record_id = p.right_id WHERE p.decision = 'LINK'");
        Clustering.connectedComponents(connection, "fs_link_edges", "fs_nodes", "fs_node_clusters");
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE fs_clusters AS
                SELECT n.side, n.record_id, 'P' || dense_rank() OVER (ORDER BY c.cluster) AS cluster_id
                FROM fs_node_clusters c JOIN fs_nodes n USING (node)""");
        Sql.execute(connection, "DROP TABLE fs_link_edges; DROP TABLE fs_nodes; DROP TABLE fs_node_clusters");
    }

    private List<ComparisonPattern> patterns(String levelsQuery) {
        List<ComparisonPattern> patterns = new ArrayList<>();
        int fields = LinkField.values().length;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + levelColumns() + ", count(*) FROM (" + levelsQuery + ") GROUP BY ALL")) {
            while (rows.next()) {
                int[] levels = new int[fields];
                for (int f = 0; f < fields; f++) {
                    levels[f] = rows.getInt(f + 1);
                }
                patterns.add(new ComparisonPattern(levels, rows.getLong(fields + 1)));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not count comparison patterns: " + e.getMessage(), e);
        }
        return patterns;
    }

    private static String levelColumns() {
        StringBuilder columns = new StringBuilder();
        for (LinkField field : LinkField.values()) {
            if (!columns.isEmpty()) {
                columns.append(", ");
            }
            columns.append(field.column()).append("_level");
        }
        return columns.toString();
    }

    private static String nicknameValues() {
        StringBuilder values = new StringBuilder("VALUES ");
        List<String[]> pairs = Nicknames.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                values.append(", ");
            }
            values.append("('").append(pairs.get(i)[0]).append("', '").append(pairs.get(i)[1]).append("')");
        }
        return values.toString();
    }

    private static String stripComments(String sql) {
        return sql.lines().filter(line -> !line.strip().startsWith("--")).map(line -> {
            int comment = line.indexOf("--");
            return comment < 0 ? line : line.substring(0, comment);
        }).reduce("", (a, b) -> a + "\n" + b);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

}
