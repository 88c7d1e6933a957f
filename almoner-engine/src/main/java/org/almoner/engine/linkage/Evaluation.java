package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.Sql;

/**
 * Precision, recall and F1 of the links against the true identities, pair by pair: a true pair is
 * two records (one from each side, or two of the one side when de-duplicating) of the same entity.
 * Pairs that blocking never compared count against recall, as they should.
 *
 * @param truePairs how many pairs are true matches
 * @param atLinkWeight the figures at the configured link weight
 * @param sweep the figures at each threshold of the sweep
 */
public record Evaluation(long truePairs, Point atLinkWeight, List<Point> sweep) {

    public Evaluation {
        requireNonNull(atLinkWeight, "atLinkWeight is null");
        sweep = List.copyOf(requireNonNull(sweep, "sweep is null"));
    }

    /**
     * The figures at one threshold.
     *
     * @param threshold the match weight at and above which a pair is a link
     * @param links pairs linked
     * @param correct links that are true matches
     * @param truePairs true matches in all
     */
    public record Point(double threshold, long links, long correct, long truePairs) {

        public double precision() {
            return links == 0 ? 1.0 : (double) correct / links;
        }

        public double recall() {
            return truePairs == 0 ? 1.0 : (double) correct / truePairs;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * Evaluates {@code fs_pairs} of a finished run against {@code leftTruth} and {@code rightTruth}
     * (tables of {@code record_id, entity_id}; the same table when de-duplicating).
     */
    public static Evaluation evaluate(Connection connection, String leftTruth, String rightTruth, boolean deduplicate,
            double linkWeight, List<Double> thresholds) {
        long truePairs = deduplicate
                ? Sql.queryLong(connection, "SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT FROM (SELECT count(*) AS n FROM "
                        + leftTruth + " WHERE entity_id IS NOT NULL GROUP BY entity_id)")
                : Sql.queryLong(connection, "SELECT coalesce(sum(l.n * r.n), 0)::BIGINT FROM (SELECT entity_id, count(*) AS n FROM "
                        + leftTruth + " WHERE entity_id IS NOT NULL GROUP BY 1) l JOIN (SELECT entity_id, count(*) AS n FROM " + rightTruth
                        + " WHERE entity_id IS NOT NULL GROUP BY 1) r USING (entity_id)");
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_judged AS SELECT p.match_weight, coalesce(lt.entity_id = rt.entity_id, false) AS correct"
                + " FROM fs_pairs p LEFT JOIN " + leftTruth + " lt ON lt.record_id = p.left_id LEFT JOIN " + rightTruth
                + " rt ON rt.record_id = p.right_id WHERE p.match_weight >= " + Math.min(linkWeight, thresholds.stream().mapToDouble(d -> d).min().orElse(linkWeight)));
        List<Double> all = new ArrayList<>(thresholds);
        all.add(linkWeight);
        List<Point> points = new ArrayList<>();
        for (double threshold : all) {
            points.add(point(connection, threshold, truePairs));
        }
        Sql.execute(connection, "DROP TABLE fs_judged");
        return new Evaluation(truePairs, points.getLast(), points.subList(0, points.size() - 1));
    }

    private static Point point(Connection connection, double threshold, long truePairs) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE correct) FROM fs_judged WHERE match_weight >= " + threshold)) {
            row.next();
            return new Point(threshold, row.getLong(1), row.getLong(2), truePairs);
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not evaluate the links: " + e.getMessage(), e);
        }
    }

    /** Thresholds from {@code from} to {@code to} in steps of {@code step}. */
    public static List<Double> thresholds(double from, double to, double step) {
        List<Double> thresholds = new ArrayList<>();
        for (double t = from; t <= to + 1e-9; t += step) {
            thresholds.add(Math.round(t * 100) / 100.0);
        }
        return thresholds;
    }
}
