package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The complexity models fitted and the one chosen to share each cohort's capitation. The rule: the
 * model with the smallest calibration error ({@link ComplexityModel#calibrationError()}), because the
 * adjustment's job is to pay each group of people what the group costs on average; on equal
 * calibration (within {@link #TIE_TOLERANCE}) the one fitted first, the linear model, as the simpler to explain.
 *
 * @param chosen the model payments use
 * @param candidates every model fitted, linear first
 * @param reason why the chosen model was chosen, in words
 */
public record ComplexityChoice(ComplexityModel chosen, List<ComplexityModel> candidates, String reason) {

    /** Calibration errors closer than this (a tenth of a percentage point of cost) count as equal. */
    static final double TIE_TOLERANCE = 0.001;

    public ComplexityChoice {
        requireNonNull(chosen, "chosen is null");
        candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
        requireNonNull(reason, "reason is null");
    }

    /** Chooses between models by the rule above; the first of {@code candidates} wins ties. */
    public static ComplexityChoice of(List<ComplexityModel> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no model to choose from");
        }
        ComplexityModel best = candidates.get(0);
        for (ComplexityModel candidate : candidates.subList(1, candidates.size())) {
            if (candidate.calibrationError() < best.calibrationError() - TIE_TOLERANCE) {
                best = candidate;
            }
        }
        ComplexityModel chosen = best;
        StringBuilder reason = new StringBuilder("The " + chosen.label() + " model is used: it puts "
                + percent(chosen.calibrationError()) + " of cost in the wrong decile of predicted cost");
        candidates.stream().filter(candidate -> candidate != chosen)
                .sorted(Comparator.comparingDouble(ComplexityModel::calibrationError))
                .forEach(other -> reason.append(", against ").append(percent(other.calibrationError())).append(" for the ")
                        .append(other.label()).append(" model"));
        reason.append(" (rule: the smallest calibration error; on a tie within 0.1 points, the first fitted, linear).");
        return new ComplexityChoice(chosen, candidates, reason.toString());
    }

    private static String percent(double share) {
        return String.format(Locale.UK, "%.1f%%", share * 100);
    }
}
