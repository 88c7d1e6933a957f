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
 * whatever the residuals' distribution as long as they do not depend on the characteristics). Both
 * parts use the same characteristics: one dropped by either part is dropped from both.
 */
public final class TwoPartLogCost {

    private final LeastSquares leastSquares;

    public TwoPartLogCost(double poorFitRSquared) {
        this.leastSquares = new LeastSquares(poorFitRSquared);
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
        ComplexityModel anyCostPart;
        while (true) {
            double[][] columns = columns(rows, names, used);
            double[][] positiveRows = positive.stream().map(i -> columns[i]).toArray(double[][]::new);
            double[] logCost = positive.stream().mapToDouble(i -> Math.log(outcome[i])).toArray();
            logPart = leastSquares.fit(used, positiveRows, logCost);
            anyCostPart = twoParts ? leastSquares.fit(used, columns, indicator(outcome)) : null;
            Set<String> lost = new LinkedHashSet<>(logPart.droppedVariables());
            if (anyCostPart != null) {
                lost.addAll(anyCostPart.droppedVariables());
            }
            if (lost.isEmpty()) {
                break;
            }
            dropped.addAll(lost);
            used.removeAll(lost);
        }
        double[][] columns = columns(rows, names, used);
        double smearing = 0;
        for (int i : positive) {
            smearing += Math.exp(Math.log(outcome[i]) - linear(logPart, columns[i]));
        }
        smearing /= positive.size();
        ComplexityModel unassessed = new ComplexityModel(ModelForm.TWO_PART_LOG, used, logPart.intercept(),
                logPart.coefficients(), smearing, anyCostPart == null ? 1 : anyCostPart.intercept(),
                anyCostPart == null ? List.of() : anyCostPart.coefficients(), outcome.length, 0, 0, List.of(),
                List.copyOf(dropped), List.of());
        double[] predicted = new double[outcome.length];
        for (int i = 0; i < outcome.length; i++) {
            predicted[i] = unassessed.predict(columns[i]);
        }
        ComplexityModel.Fit fit = LeastSquares.assess(predicted, outcome);
        return new ComplexityModel(ModelForm.TWO_PART_LOG, used, logPart.intercept(), logPart.coefficients(), smearing,
                unassessed.anyCostIntercept(), unassessed.anyCostCoefficients(), outcome.length, fit.rSquared(),
                fit.meanAbsoluteError(), fit.calibration(), List.copyOf(dropped),
                leastSquares.warnings(fit.rSquared(), fit.calibration()));
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
