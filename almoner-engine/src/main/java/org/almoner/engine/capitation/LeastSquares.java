package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Ordinary least squares with a constant, written out in plain Java so a reviewer can follow it: the
 * normal equations (X'X)b = X'y solved by Gaussian elimination with partial pivoting. Characteristics
 * that do not vary, or that another characteristic already explains, are dropped and named rather than
 * making the solution unstable.
 */
public final class LeastSquares {

    /** Below this R-squared the model is reported as a poor fit unless the caller says otherwise. */
    public static final double DEFAULT_POOR_FIT_R_SQUARED = 0.10;

    /** A decile whose actual cost is off its prediction by more than this share is reported as miscalibrated. */
    static final double CALIBRATION_TOLERANCE = 0.25;

    /** Deciles smaller than this are too noisy to judge calibration on. */
    static final int SMALLEST_DECILE_JUDGED = 30;

    private final double poorFitRSquared;

    public LeastSquares(double poorFitRSquared) {
        if (!(poorFitRSquared >= 0 && poorFitRSquared <= 1)) {
            throw new IllegalArgumentException("poorFitRSquared must be 0 to 1, got " + poorFitRSquared);
        }
        this.poorFitRSquared = poorFitRSquared;
    }

    /**
     * Fits {@code outcome = b0 + sum(b_j * x_j)}.
     *
     * @param names one name per column of {@code rows}
     * @param rows one row of characteristics per observation
     * @param outcome the observed annual cost per observation
     */
    public ComplexityModel fit(List<String> names, double[][] rows, double[] outcome) {
        requireNonNull(names, "names is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(outcome, "outcome is null");
        if (rows.length != outcome.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + outcome.length + " outcomes");
        }
        int n = rows.length;
        List<Integer> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (varies(rows, j)) {
                kept.add(j);
            } else {
                dropped.add(names.get(j));
            }
        }
        double[] solution;
        while (true) {
            if (n <= kept.size() + 1) {
                throw new IllegalArgumentException("need more observations (" + n + ") than characteristics ("
                        + (kept.size() + 1) + ") to fit a model");
            }
            Solve attempt = solve(rows, outcome, kept);
            if (attempt.collinearColumn < 0) {
                solution = attempt.coefficients;
                break;
            }
            dropped.add(names.get(kept.get(attempt.collinearColumn)));
            kept.remove(attempt.collinearColumn);
        }
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            double prediction = solution[0];
            for (int k = 0; k < kept.size(); k++) {
                prediction += solution[k + 1] * rows[i][kept.get(k)];
            }
            predicted[i] = prediction;
        }
        ComplexityModel.Fit fit = assess(predicted, outcome);
        List<String> variables = kept.stream().map(names::get).toList();
        List<Double> coefficients = IntStream.range(0, kept.size()).mapToObj(k -> solution[k + 1]).toList();
        return ComplexityModel.linear(variables, solution[0], coefficients, n, fit, dropped,
                warnings(fit.rSquared(), fit.calibration()));
    }

    /** R-squared, mean absolute error and calibration by decile of {@code predicted} against {@code outcome}. */
    static ComplexityModel.Fit assess(double[] predicted, double[] outcome) {
        int n = outcome.length;
        double mean = Arrays.stream(outcome).average().orElse(0);
        double residualSquares = 0;
        double totalSquares = 0;
        double absoluteErrors = 0;
        for (int i = 0; i < n; i++) {
            double residual = outcome[i] - predicted[i];
            residualSquares += residual * residual;
            totalSquares += (outcome[i] - mean) * (outcome[i] - mean);
            absoluteErrors += Math.abs(residual);
        }
        double rSquared = totalSquares == 0 ? 0 : 1 - residualSquares / totalSquares;
        return new ComplexityModel.Fit(rSquared, n == 0 ? 0 : absoluteErrors / n, calibrate(predicted, outcome));
    }

    /** The plain-English reasons a model with this fit should not be trusted; empty when it fits acceptably. */
    List<String> warnings(double rSquared, List<CalibrationDecile> calibration) {
        List<String> warnings = new ArrayList<>();
        if (rSquared < poorFitRSquared) {
            warnings.add(String.format(Locale.UK, "it explains only %.1f%% of the variation in cost (R-squared %.3f, below"
                    + " the %.2f this run asks for); the cohort baseline alone may be as good", rSquared * 100, rSquared,
                    poorFitRSquared));
        }
        for (CalibrationDecile decile : calibration) {
            double ratio = decile.ratio();
            if (decile.people() >= SMALLEST_DECILE_JUDGED && decile.meanActual() > 0
                    && (Double.isNaN(ratio) || Math.abs(ratio - 1) > CALIBRATION_TOLERANCE)) {
                warnings.add(String.format(Locale.UK, "decile %d of predicted cost is miscalibrated: predicted £%,.2f a"
                        + " person on average, actual £%,.2f", decile.decile(), decile.meanPredicted(), decile.meanActual()));
            }
        }
        return warnings;
    }

    private static boolean varies(double[][] rows, int column) {
        for (double[] row : rows) {
            if (row[column] != rows[0][column]) {
                return true;
            }
        }
        return false;
    }

    private record Solve(double[] coefficients, int collinearColumn) {
    }

    private static Solve solve(double[][] rows, double[] outcome, List<Integer> kept) {
        int p = kept.size() + 1;
        double[][] normal = new double[p][p + 1];
        double[] x = new double[p];
        for (int i = 0; i < rows.length; i++) {
            x[0] = 1;
            for (int k = 0; k < kept.size(); k++) {
                x[k + 1] = rows[i][kept.get(k)];
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    normal[a][b] += x[a] * x[b];
                }
                normal[a][p] += x[a] * outcome[i];
            }
        }
        double[] scale = new double[p];
        for (int a = 0; a < p; a++) {
            scale[a] = Math.max(normal[a][a], 1e-300);
        }
        for (int column = 0; column < p; column++) {
            int pivot = column;
            for (int r = column + 1; r < p; r++) {
                if (Math.abs(normal[r][column]) > Math.abs(normal[pivot][column])) {
                    pivot = r;
                }
            }
            // A pivot tiny against its own diagonal means the column is (nearly) a combination of others.
            if (Math.abs(normal[pivot][column]) < 1e-9 * scale[column]) {
                return new Solve(null, Math.max(column - 1, 0));
            }
            double[] swap = normal[column];
            normal[column] = normal[pivot];
            normal[pivot] = swap;
            for (int r = 0; r < p; r++) {
                if (r != column) {
                    double factor = normal[r][column] / normal[column][column];
                    for (int c = column; c <= p; c++) {
                        normal[r][c] -= factor * normal[column][c];
                    }
                }
            }
        }
        double[] solution = new double[p];
        for (int a = 0; a < p; a++) {
            solution[a] = normal[a][p] / normal[a][a];
        }
        return new Solve(solution, -1);
    }

    private static List<CalibrationDecile> calibrate(double[] predicted, double[] outcome) {
        Integer[] byPrediction = IntStream.range(0, predicted.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byPrediction, Comparator.comparingDouble(i -> predicted[i]));
        List<CalibrationDecile> deciles = new ArrayList<>();
        int n = predicted.length;
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            double sumPredicted = 0;
            double sumActual = 0;
            for (int r = from; r < to; r++) {
                sumPredicted += predicted[byPrediction[r]];
                sumActual += outcome[byPrediction[r]];
            }
            int people = to - from;
            deciles.add(new CalibrationDecile(d + 1, people, people == 0 ? 0 : sumPredicted / people,
                    people == 0 ? 0 : sumActual / people));
        }
        return deciles;
    }
}
