package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;

/**
 * Why a pair got its match weight: the prior, then each field's level and the weight it added
 * (including the term-frequency adjustment of a name agreeing exactly).
 *
 * @param leftId the left record
 * @param rightId the right record
 * @param priorWeight the weight of the prior odds
 * @param contributions one per field
 * @param matchWeight the total
 * @param matchProbability the total as a probability
 * @param decision LINK, REVIEW or NON_LINK
 */
public record PairExplanation(String leftId, String rightId, double priorWeight, List<Contribution> contributions,
        double matchWeight, double matchProbability, String decision) {

    public PairExplanation {
        requireNonNull(leftId, "leftId is null");
        requireNonNull(rightId, "rightId is null");
        contributions = List.copyOf(requireNonNull(contributions, "contributions is null"));
        requireNonNull(decision, "decision is null");
    }

    /**
     * One field's part in a match weight.
     *
     * @param field the field
     * @param level the level's label, or "blank" where either side is blank
     * @param weight log2(m/u) of the level
     * @param frequencyAdjustment the term-frequency adjustment (0 unless the name agrees exactly)
     */
    public record Contribution(LinkField field, String level, double weight, double frequencyAdjustment) {

        public double total() {
            return weight + frequencyAdjustment;
        }
    }

    /** Explanations of the pairs of {@code fs_pairs} that {@code where} selects (SQL condition), in order. */
    public static List<PairExplanation> of(Connection connection, ModelParameters parameters, String where, String orderBy, int limit) {
        List<PairExplanation> explanations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM fs_pairs WHERE " + where + " ORDER BY " + orderBy + " LIMIT " + limit)) {
            while (rows.next()) {
                List<Contribution> contributions = new ArrayList<>();
                for (LinkField field : LinkField.values()) {
                    int level = rows.getInt(field.column() + "_level");
                    double adjustment = field.termFrequencyAdjusted() ? rows.getDouble(field.column() + "_frequency_adjustment") : 0;
                    contributions.add(new Contribution(field, level < 0 ? "blank" : field.levels().get(level),
                            rows.getDouble(field.column() + "_weight"), adjustment));
                }
                explanations.add(new PairExplanation(rows.getString("left_id"), rows.getString("right_id"), parameters.priorWeight(),
                        contributions, rows.getDouble("match_weight"), rows.getDouble("match_probability"), rows.getString("decision")));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not read pairs to explain: " + e.getMessage(), e);
        }
        return explanations;
    }

    /** The explanation of one pair, or null when the pair was never compared. */
    public static PairExplanation of(Connection connection, ModelParameters parameters, String leftId, String rightId) {
        List<PairExplanation> found = of(connection, parameters, "left_id = " + DuckDb.literal(leftId) + " AND right_id = "
                + DuckDb.literal(rightId), "match_weight", 1);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Plain text, one line per field, for the console. */
    public String text() {
        StringBuilder text = new StringBuilder(String.format(Locale.UK, "%s ~ %s: match weight %.2f (probability %.4f), %s%n",
                leftId, rightId, matchWeight, matchProbability, decision));
        text.append(String.format(Locale.UK, "    %-14s %-44s %+7.2f%n", "prior", "", priorWeight));
        for (Contribution c : contributions) {
            text.append(String.format(Locale.UK, "    %-14s %-44s %+7.2f%s%n", c.field().column(), c.level(), c.total(),
                    c.frequencyAdjustment() != 0 ? String.format(Locale.UK, " (of which %+.2f for how common the name is)", c.frequencyAdjustment()) : ""));
        }
        return text.toString();
    }
}
