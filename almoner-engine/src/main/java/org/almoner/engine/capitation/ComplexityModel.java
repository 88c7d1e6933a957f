package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fitted complexity adjustment: annual cost as a constant plus an amount for each characteristic,
 * with how well that explains the local data. Statistics are doubles; money paid out is worked out
 * from them as BigDecimal by {@link PersonPayments}.
 *
 * @param variables the characteristics used, in coefficient order after the constant
 * @param intercept the constant: predicted annual cost of a person with none of the characteristics
 * @param coefficients pounds added for each characteristic (per unit for counts)
 * @param observations person-years the model was fitted on
 * @param rSquared share of the variation in annual cost the model explains, 0 to 1
 * @param meanAbsoluteError mean of |actual - predicted| in pounds
 * @param calibration mean predicted against mean actual in each decile of predicted cost
 * @param droppedVariables characteristics left out because they did not vary or duplicated others
 * @param warnings plain-English reasons not to trust the model; empty when it fits acceptably
 */
public record ComplexityModel(List<String> variables, double intercept, List<Double> coefficients, int observations,
        double rSquared, double meanAbsoluteError, List<CalibrationDecile> calibration, List<String> droppedVariables,
        List<String> warnings) {

    public ComplexityModel {
        variables = List.copyOf(requireNonNull(variables, "variables is null"));
        coefficients = List.copyOf(requireNonNull(coefficients, "coefficients is null"));
        calibration = List.copyOf(requireNonNull(calibration, "calibration is null"));
        droppedVariables = List.copyOf(requireNonNull(droppedVariables, "droppedVariables is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (variables.size() != coefficients.size()) {
            throw new IllegalArgumentException("one coefficient per variable: " + variables.size() + " variables, "
                    + coefficients.size() + " coefficients");
        }
    }

    /** Whether the model fitted well enough to trust (no warnings). */
    public boolean fitsAcceptably() {
        return warnings.isEmpty();
    }

    /** The formula and its fit in words a finance team can read out at a meeting. */
    public List<String> plainWords() {
        List<String> lines = new ArrayList<>();
        lines.add("Predicted annual cost of a person = " + pounds(intercept) + " to start with,");
        for (int i = 0; i < variables.size(); i++) {
            double coefficient = coefficients.get(i);
            lines.add((coefficient < 0 ? "  less " : "  plus ") + pounds(Math.abs(coefficient)) + " "
                    + Covariate.wordsFor(variables.get(i)) + ",");
        }
        lines.add("fitted by ordinary least squares on " + observations + " person-years of local linked data.");
        lines.add(String.format(Locale.UK, "It explains %.1f%% of the variation in annual cost between people (R-squared %.3f);"
                + " on average a person's prediction is %s away from what they cost (mean absolute error).",
                rSquared * 100, rSquared, pounds(meanAbsoluteError)));
        if (!droppedVariables.isEmpty()) {
            lines.add("Left out because they did not vary in the data or repeated another characteristic: "
                    + String.join(", ", droppedVariables) + ".");
        }
        lines.add("The adjustment shares each cohort's capitation between its members in proportion to their"
                + " predicted cost; it does not change a cohort's total.");
        if (warnings.isEmpty()) {
            lines.add("The fit is acceptable for a shadow capitation.");
        } else {
            lines.add("WARNING: this model fits badly; do not rely on it to set payments without review:");
            warnings.forEach(warning -> lines.add("  - " + warning));
        }
        return lines;
    }

    private static String pounds(double value) {
        return String.format(Locale.UK, "£%,.2f", value);
    }
}
