package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits the two-part log model of {@link ModelForm#TWO_PART_LOG} for skewed annual cost: part one is
 * a linear probability of any cost, part two least squares on the log of cost for people with any,
 * brought back to pounds with Duan's smearing factor (the mean of exp(residual), which is right
 * whatever the residuals' distribution as long as their spread does not depend on the
 * characteristics), or with a factor per band of predicted log cost when it may ({@link SmearingBand}).
 * Both parts use the same characteristics: one dropped by either part is dropped from both.
 */
public final class TwoPartLogCost {

    private final LeastSquares leastSquares;
    private final int bands;

    /**
     * @param poorFitRSquared below this R-squared the model says it fits badly
     * @param bands 1 for Duan's single smearing factor; more for a factor per band of equal numbers of
     *     people by predicted log cost (fewer when predictions tie)
     */
    public TwoPartLogCost(double poorFitRSquared, int bands) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be 1 or more, got " + bands);
        }
        this.leastSquares = new LeastSquares(poorFitRSquared);
        this.bands = bands;
    }

    /**
     * Fits the model and reports its fit on the cost scale (pounds), as for the linear model.
     *
     * @param names one name per column of {@code rows}
     * @param rows one row of characteristics per observation
     * @param outcome the observed annual cost per observation, never negative
     */
    public ComplexityModel fit(List<String> names, double[][] rows, double[] outcome) {
        requireNonNull(names, "names is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(outcome, "outcome is null");
        if (rows.length != outcome.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + outcome.length + " outcomes");
        }
        List<Integer> positive = new ArrayList<>();
        for (int i = 0; i < outcome.length; i++) {
            if (outcome[i] < 0) {
                throw new IllegalArgumentException("cost must not be negative, got " + outcome[i] + " in row " + (i + 1));
            }
            if (outcome[i] > 0) {
                positive.add(i);
            }
        }
        boolean twoParts = positive.size() < outcome.length;
        List<String> used = new ArrayList<>(names);
        Set<String> dropped = new LinkedHashSet<>();
        ComplexityModel logPart;
        ComplexityModel anyUsePart;
        while (true) {
            double[][] columns = columns(rows, names, used);
            double[][] positiveRows = positive.stream().map(i -> columns[i]).toArray(double[][]::new);
            double[] logCost = positive.stream().mapToDouble(i -> Math.log(outcome[i])).toArray();
            logPart = leastSquares.fit(used, positiveRows, logCost);
            anyUsePart = twoParts ? leastSquares.fit(used, columns, indicator(outcome)) : null;
            Set<String> lost = new LinkedHashSet<>(logPart.droppedVariables());
            if (anyUsePart != null) {
                lost.addAll(anyUsePart.droppedVariables());
            }
            if (lost.isEmpty()) {
                break;
            }
            dropped.addAll(lost);
            used.removeAll(lost);
        }
        double[][] columns = columns(rows, names, used);
        double[] logPredicted = new double[positive.size()];
        double[] residuals = new double[positive.size()];
        for (int k = 0; k < positive.size(); k++) {
            int i = positive.get(k);
            logPredicted[k] = linear(logPart, columns[i]);
            residuals[k] = Math.log(outcome[i]) - logPredicted[k];
        }
        List<SmearingBand> smearing = smearing(logPredicted, residuals);
        ComplexityModel unassessed = new ComplexityModel(ModelForm.TWO_PART_LOG, used, logPart.intercept(),
                logPart.coefficients(), smearing, anyUsePart == null ? 1 : anyUsePart.intercept(),
                anyUsePart == null ? List.of() : anyUsePart.coefficients(), outcome.length, 0, 0, List.of(),
                List.copyOf(dropped), List.of());
        double[] predicted = new double[outcome.length];
        for (int i = 0; i < outcome.length; i++) {
            predicted[i] = unassessed.predict(columns[i]);
        }
        ComplexityModel.Fit fit = LeastSquares.assess(predicted, outcome);
        return new ComplexityModel(ModelForm.TWO_PART_LOG, used, logPart.intercept(), logPart.coefficients(), smearing,
                unassessed.anyUseIntercept(), unassessed.anyUseCoefficients(), outcome.length, fit.rSquared(),
                fit.meanAbsoluteError(), fit.calibration(), List.copyOf(dropped),
                leastSquares.warnings(fit.rSquared(), fit.calibration()));
    }

    /**
     * Cuts the people with any cost into bands of about equal size by log prediction, each cut halfway
     * between two different predictions so that equal predictions share a band, and gives each band
     * the mean of exp(residual) of its people.
     */
    private List<SmearingBand> smearing(double[] logPredicted, double[] residuals) {
        double[] sorted = logPredicted.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        List<Double> cuts = new ArrayList<>();
        for (int b = 1; b < bands; b++) {
            int index = (int) ((long) n * b / bands);
            while (index < n && index > 0 && sorted[index - 1] == sorted[index]) {
                index++;
            }
            if (index <= 0 || index >= n) {
                continue;
            }
            double cut = (sorted[index - 1] + sorted[index]) / 2;
            if (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1)) {
                cuts.add(cut);
            }
        }
        cuts.add(Double.POSITIVE_INFINITY);
        double[] sums = new double[cuts.size()];
        int[] people = new int[cuts.size()];
        for (int k = 0; k < n; k++) {
            int band = 0;
            while (logPredicted[k] > cuts.get(band)) {
                band++;
            }
            sums[band] += Math.exp(residuals[k]);
            people[band]++;
        }
        List<SmearingBand> result = new ArrayList<>();
        for (int band = 0; band < cuts.size(); band++) {
            result.add(new SmearingBand(cuts.get(band), people[band], sums[band] / people[band]));
        }
        return result;
    }

    private static double linear(ComplexityModel model, double[] values) {
        double sum = model.intercept();
        for (int k = 0; k < values.length; k++) {
            sum += model.coefficients().get(k) * values[k];
        }
        return sum;
    }

    private static double[] indicator(double[] outcome) {
        double[] any = new double[outcome.length];
        for (int i = 0; i < outcome.length; i++) {
            any[i] = outcome[i] > 0 ? 1 : 0;
        }
        return any;
    }

    private static double[][] columns(double[][] rows, List<String> names, List<String> used) {
        int[] index = used.stream().mapToInt(names::indexOf).toArray();
        double[][] selected = new double[rows.length][index.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < index.length; k++) {
                selected[i][k] = rows[i][index[k]];
            }
        }
        return selected;
    }
}
