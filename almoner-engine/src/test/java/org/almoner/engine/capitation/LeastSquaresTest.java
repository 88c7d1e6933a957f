package org.almoner.engine.capitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    private static final List<String> NAMES = List.of("condition_count", "frail", "female");

    /** People whose cost is 400 + 900 per condition + 5000 if frail - 150 if female, plus noise of a known size. */
    private static Data generate(int people, double noise, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[people][];
        double[] outcome = new double[people];
        for (int i = 0; i < people; i++) {
            double conditions = random.nextInt(6);
            double frail = random.nextDouble() < 0.15 ? 1 : 0;
            double female = random.nextBoolean() ? 1 : 0;
            rows[i] = new double[] {conditions, frail, female};
            outcome[i] = 400 + 900 * conditions + 5000 * frail - 150 * female + noise * random.nextGaussian();
        }
        return new Data(rows, outcome);
    }

    private record Data(double[][] rows, double[] outcome) {
    }

    @Test
    void recoversTheGeneratingFormulaAndReportsTheFitItImplies() {
        double noise = 2000;
        Data data = generate(40_000, noise, 11);

        ComplexityModel model = new LeastSquares(0.10).fit(NAMES, data.rows(), data.outcome());

        assertThat(model.intercept()).isCloseTo(400, within(60.0));
        assertThat(model.coefficients().get(0)).isCloseTo(900, within(15.0));
        assertThat(model.coefficients().get(1)).isCloseTo(5000, within(60.0));
        assertThat(model.coefficients().get(2)).isCloseTo(-150, within(50.0));
        // Signal variance: 900^2 * var(uniform 0..5) + 5000^2 * 0.15 * 0.85 + 150^2 * 0.25.
        double signal = 900 * 900 * (35.0 / 12) + 5000.0 * 5000 * 0.15 * 0.85 + 150.0 * 150 * 0.25;
        assertThat(model.rSquared()).isCloseTo(signal / (signal + noise * noise), within(0.01));
        // The mean absolute value of normal noise is sigma * sqrt(2 / pi).
        assertThat(model.meanAbsoluteError()).isCloseTo(noise * Math.sqrt(2 / Math.PI), within(30.0));
        assertThat(model.fitsAcceptably()).isTrue();
        assertThat(model.warnings()).isEmpty();
    }

    @Test
    void fitsAnExactFormulaPerfectly() {
        Data data = generate(500, 0, 3);

        ComplexityModel model = new LeastSquares(0.10).fit(NAMES, data.rows(), data.outcome());

        assertThat(model.rSquared()).isCloseTo(1.0, within(1e-9));
        assertThat(model.meanAbsoluteError()).isCloseTo(0.0, within(1e-6));
        assertThat(model.intercept()).isCloseTo(400, within(1e-6));
        assertThat(model.coefficients().get(0)).isCloseTo(900, within(1e-6));
        assertThat(model.coefficients().get(1)).isCloseTo(5000, within(1e-6));
        assertThat(model.coefficients().get(2)).isCloseTo(-150, within(1e-6));
    }

    @Test
    void calibrationDecilesCoverEveryoneAndMatchOnAWellSpecifiedModel() {
        Data data = generate(20_000, 500, 5);

        ComplexityModel model = new LeastSquares(0.10).fit(NAMES, data.rows(), data.outcome());

        assertThat(model.calibration()).hasSize(10);
        assertThat(model.calibration().stream().mapToInt(CalibrationDecile::people).sum()).isEqualTo(20_000);
        assertThat(model.calibration()).allSatisfy(decile -> assertThat(decile.meanActual())
                .isCloseTo(decile.meanPredicted(), within(60.0)));
        assertThat(model.calibration().get(9).meanPredicted()).isGreaterThan(model.calibration().get(0).meanPredicted());
    }

    @Test
    void saysSoWhenCostIsNothingButNoise() {
        Random random = new Random(9);
        double[][] rows = new double[2000][];
        double[] outcome = new double[2000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {random.nextInt(5), random.nextBoolean() ? 1 : 0, random.nextBoolean() ? 1 : 0};
            outcome[i] = 1000 + 800 * random.nextGaussian();
        }

        ComplexityModel model = new LeastSquares(0.10).fit(NAMES, rows, outcome);

        assertThat(model.rSquared()).isLessThan(0.01);
        assertThat(model.fitsAcceptably()).isFalse();
        assertThat(model.warnings()).anySatisfy(warning -> assertThat(warning).contains("explains only"));
        assertThat(model.plainWords()).anySatisfy(line -> assertThat(line).startsWith("WARNING: this model fits badly"));
    }

    @Test
    void dropsAndNamesCharacteristicsThatDoNotVaryOrRepeatAnother() {
        Data data = generate(1000, 100, 4);
        double[][] rows = Arrays.stream(data.rows())
                .map(row -> new double[] {row[0], row[1], row[2], 1, row[0] * 2})
                .toArray(double[][]::new);

        ComplexityModel model = new LeastSquares(0.10)
                .fit(List.of("condition_count", "frail", "female", "always_one", "twice_conditions"), rows, data.outcome());

        assertThat(model.droppedVariables()).containsExactlyInAnyOrder("always_one", "twice_conditions");
        assertThat(model.variables()).containsExactly("condition_count", "frail", "female");
        assertThat(model.coefficients().get(0)).isCloseTo(900, within(10.0));
    }

    @Test
    void explainsTheFormulaInPlainWords() {
        Data data = generate(500, 0, 8);

        List<String> words = new LeastSquares(0.10).fit(List.of("condition_count", "frail", "female"), data.rows(),
                data.outcome()).plainWords();

        assertThat(words.get(0)).isEqualTo("Predicted annual cost of a person = £400.00 to start with,");
        assertThat(words).contains("  plus £900.00 for each long-term condition on a GP register,",
                "  less £150.00 for a woman or girl,");
        assertThat(words).anySatisfy(line -> assertThat(line).contains("explains 100.0% of the variation"));
    }
}
