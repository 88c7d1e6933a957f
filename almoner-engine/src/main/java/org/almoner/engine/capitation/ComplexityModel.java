package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fitted complexity adjustment with how well it explains the local data. Linear: annual cost is a
 * constant plus an amount for each characteristic. Two-part log: the chance of any cost (a constant
 * plus an amount per characteristic, held to 0 to 1) times exp(constant plus an amount per
 * characteristic) times the smearing factor. Statistics are doubles; money paid out is worked out
 * from them as BigDecimal by {@link PersonPayments}.
 *
 * @param form the shape of the model
 * @param variables the characteristics used, in coefficient order after the constant
 * @param intercept the constant: linear, the predicted annual cost of a person with none of the
 *     characteristics; two-part log, the log of the cost of such a person who has any cost
 * @param coefficients linear, pounds added for each characteristic (per unit for counts); two-part log,
 *     added to log cost, so each multiplies cost by exp(coefficient)
 * @param smearing two-part log: the smearing factor by band of log prediction, in order; linear: one band of 1
 * @param anyUseIntercept two-part log: the chance of any cost with none of the characteristics; 1 for linear
 * @param anyUseCoefficients two-part log: added to that chance per characteristic, in variable order;
 *     empty for linear and when everyone has some cost
 * @param observations person-years the model was fitted on
 * @param rSquared share of the variation in annual cost the model explains, 0 to 1
 * @param meanAbsoluteError mean of |actual - predicted| in pounds
 * @param calibration mean predicted against mean actual in each decile of predicted cost
 * @param droppedVariables characteristics left out because they did not vary or duplicated others
 * @param warnings plain-English reasons not to trust the model; empty when it fits acceptably
 */
public record ComplexityModel(ModelForm form, List<String> variables, double intercept, List<Double> coefficients,
        List<SmearingBand> smearing, double anyUseIntercept, List<Double> anyUseCoefficients, int observations,
        double rSquared, double meanAbsoluteError, List<CalibrationDecile> calibration, List<String> droppedVariables,
        List<String> warnings) {

    public ComplexityModel {
        requireNonNull(form, "form is null");
        smearing = List.copyOf(requireNonNull(smearing, "smearing is null"));
        if (smearing.isEmpty() || smearing.get(smearing.size() - 1).upToLogPrediction() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("smearing bands must end with one up to infinity");
        }
        anyUseCoefficients = List.copyOf(requireNonNull(anyUseCoefficients, "anyUseCoefficients is null"));
        if (!anyUseCoefficients.isEmpty() && anyUseCoefficients.size() != variables.size()) {
            throw new IllegalArgumentException("one chance-of-any-cost coefficient per variable or none: "
                    + variables.size() + " variables, " + anyUseCoefficients.size() + " coefficients");
        }
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

    /** A linear model as {@link LeastSquares} fits it. */
    static ComplexityModel linear(List<String> variables, double intercept, List<Double> coefficients, int observations,
            Fit fit, List<String> droppedVariables, List<String> warnings) {
        return new ComplexityModel(ModelForm.LINEAR, variables, intercept, coefficients, List.of(SmearingBand.NONE), 1,
                List.of(), observations,
                fit.rSquared(), fit.meanAbsoluteError(), fit.calibration(), droppedVariables, warnings);
    }

    /** How well predictions match what people cost, on the cost scale. */
    record Fit(double rSquared, double meanAbsoluteError, List<CalibrationDecile> calibration) {
    }

    /** The predicted annual cost in pounds of a person with these values of {@link #variables()}. */
    public double predict(double[] values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException(variables.size() + " values needed, got " + values.length);
        }
        double linear = intercept;
        for (int i = 0; i < values.length; i++) {
            linear += coefficients.get(i) * values[i];
        }
        if (form == ModelForm.LINEAR) {
            return linear;
        }
        double anyUse = anyUseIntercept;
        for (int i = 0; i < anyUseCoefficients.size(); i++) {
            anyUse += anyUseCoefficients.get(i) * values[i];
        }
        return Math.min(1, Math.max(0, anyUse)) * Math.exp(linear) * smearingFactor(linear);
    }

    /** The smearing factor for a log prediction: that of the first band holding it. */
    public double smearingFactor(double logPrediction) {
        for (SmearingBand band : smearing) {
            if (logPrediction <= band.upToLogPrediction()) {
                return band.factor();
            }
        }
        throw new IllegalStateException("the last smearing band holds every prediction");
    }

    /** What the model is, in words. */
    public String description() {
        return smearing.size() > 1 ? form.description() + ", one factor for each of " + smearing.size()
                + " bands of predicted log cost" : form.description();
    }

    /** A short name for files and tables, like "linear" or "two-part log, smeared by fifth". */
    public String label() {
        return smearing.size() > 1 ? form.label() + ", smeared by " + (smearing.size() == 5 ? "fifth"
                : "band of " + smearing.size()) : form.label();
    }

    /**
     * The share of cost the model puts in the wrong decile: the sum over deciles of people times the gap
     * between mean actual and mean predicted cost, over total actual cost. 0 is perfect calibration.
     */
    public double calibrationError() {
        double gaps = 0;
        double actual = 0;
        for (CalibrationDecile decile : calibration) {
            gaps += decile.people() * Math.abs(decile.meanActual() - decile.meanPredicted());
            actual += decile.people() * decile.meanActual();
        }
        return actual == 0 ? 0 : gaps / actual;
    }

    /** Whether the model fitted well enough to trust (no warnings). */
    public boolean fitsAcceptably() {
        return warnings.isEmpty();
    }

    /** The formula and its fit in words a finance team can read out at a meeting. */
    public List<String> plainWords() {
        List<String> lines = new ArrayList<>();
        if (form == ModelForm.LINEAR) {
            lines.add("Predicted annual cost of a person = " + pounds(intercept) + " to start with,");
            for (int i = 0; i < variables.size(); i++) {
                double coefficient = coefficients.get(i);
                lines.add((coefficient < 0 ? "  less " : "  plus ") + pounds(Math.abs(coefficient)) + " "
                        + Covariate.wordsFor(variables.get(i)) + ",");
            }
            lines.add("fitted by ordinary least squares on " + observations + " person-years of local linked data.");
        } else {
            lines.add("Predicted annual cost of a person = the chance they cost anything times what they cost if they do.");
            if (anyUseCoefficients.isEmpty()) {
                lines.add("Everyone in the data has some cost, so the chance is 1.");
            } else {
                lines.add(String.format(Locale.UK, "The chance of any cost is %.3f to start with,", anyUseIntercept));
                for (int i = 0; i < variables.size(); i++) {
                    double coefficient = anyUseCoefficients.get(i);
                    lines.add(String.format(Locale.UK, "  %s %.3f %s,", coefficient < 0 ? "less" : "plus", Math.abs(coefficient),
                            Covariate.wordsFor(variables.get(i))));
                }
                lines.add("  held between 0 and 1.");
            }
            lines.add("What they cost if they cost anything = exp(" + String.format(Locale.UK, "%.3f", intercept)
                    + ") = " + pounds(Math.exp(intercept)) + " to start with,");
            for (int i = 0; i < variables.size(); i++) {
                lines.add(String.format(Locale.UK, "  times %.3f %s,", Math.exp(coefficients.get(i)),
                        Covariate.wordsFor(variables.get(i))));
            }
            if (smearing.size() == 1) {
                lines.add(String.format(Locale.UK, "  times Duan's smearing factor %.3f (the mean of the exponentiated"
                        + " residuals, because the exponent of a mean log is below the mean cost),", smearing.get(0).factor()));
            } else {
                lines.add("  times a smearing factor (the mean of the exponentiated residuals, because the exponent of a mean log"
                        + " is below the mean cost) for each fifth of people by predicted log cost, so that dear and cheap"
                        + " people may vary differently:");
                double from = Double.NEGATIVE_INFINITY;
                for (SmearingBand band : smearing) {
                    lines.add(String.format(Locale.UK, "    %s: %.3f (%d people)", band.upToLogPrediction() == Double.POSITIVE_INFINITY
                            ? String.format(Locale.UK, "above %s", pounds(Math.exp(from)))
                            : from == Double.NEGATIVE_INFINITY ? String.format(Locale.UK, "up to %s", pounds(Math.exp(band.upToLogPrediction())))
                            : String.format(Locale.UK, "%s to %s", pounds(Math.exp(from)), pounds(Math.exp(band.upToLogPrediction()))),
                            band.factor(), band.people()));
                    from = band.upToLogPrediction();
                }
            }
            lines.add(String.format(Locale.UK, "fitted by least squares on the log of cost on %d person-years of local linked"
                    + " data.", observations));
        }
        lines.add(String.format(Locale.UK, "It explains %.1f%% of the variation in annual cost between people (R-squared %.3f);"
                + " on average a person's prediction is %s away from what they cost (mean absolute error); across deciles"
                + " of predicted cost it puts %.1f%% of the cost in the wrong decile (calibration error).",
                rSquared * 100, rSquared, pounds(meanAbsoluteError), calibrationError() * 100));
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
