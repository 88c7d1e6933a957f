package org.almoner.engine.capitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoPartLogCostTest {

    private static final List<String> NAMES = List.of("condition_count", "frail", "female");

    private record Data(double[][] rows, double[] outcome) {
    }

    /**
     * Skewed cost: with chance {@code anyUse + anyCostIfFrail * frail} a person costs
     * exp(6 + 0.4 per condition + 1.2 if frail - 0.1 if female + e), e normal with sd {@code sigma}; else nothing.
     */
    private static Data skewed(int people, double sigma, double anyUse, double anyCostIfFrail, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[people][];
        double[] outcome = new double[people];
        for (int i = 0; i < people; i++) {
            double conditions = random.nextInt(6);
            double frail = random.nextDouble() < 0.15 ? 1 : 0;
            double female = random.nextBoolean() ? 1 : 0;
            rows[i] = new double[] {conditions, frail, female};
            boolean any = random.nextDouble() < anyUse + anyCostIfFrail * frail;
            outcome[i] = any ? Math.exp(6 + 0.4 * conditions + 1.2 * frail - 0.1 * female + sigma * random.nextGaussian()) : 0;
        }
        return new Data(rows, outcome);
    }

    /** Additive cost: 400 + 900 per condition + 5000 if frail - 150 if female, plus normal noise of sd 200. */
    private static Data additive(int people, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[people][];
        double[] outcome = new double[people];
        for (int i = 0; i < people; i++) {
            double conditions = random.nextInt(6);
            double frail = random.nextDouble() < 0.15 ? 1 : 0;
            double female = random.nextBoolean() ? 1 : 0;
            rows[i] = new double[] {conditions, frail, female};
            outcome[i] = Math.max(1, 400 + 900 * conditions + 5000 * frail - 150 * female + 200 * random.nextGaussian());
        }
        return new Data(rows, outcome);
    }

    @Test
    void recoversALogLinearGeneratingFormulaAndDuansSmearingFactor() {
        Data data = skewed(40_000, 0.9, 1, 0, 21);

        ComplexityModel model = new TwoPartLogCost(0.10, 1).fit(NAMES, data.rows(), data.outcome());

        assertThat(model.form()).isEqualTo(ModelForm.TWO_PART_LOG);
        assertThat(model.intercept()).isCloseTo(6, within(0.03));
        assertThat(model.coefficients().get(0)).isCloseTo(0.4, within(0.01));
        assertThat(model.coefficients().get(1)).isCloseTo(1.2, within(0.03));
        assertThat(model.coefficients().get(2)).isCloseTo(-0.1, within(0.03));
        // For normal errors Duan's factor tends to exp(sigma^2 / 2).
        assertThat(model.smearing()).hasSize(1);
        assertThat(model.smearing().get(0).factor()).isCloseTo(Math.exp(0.9 * 0.9 / 2), within(0.03));
        // Everyone has some cost: the first part is 1.
        assertThat(model.anyUseCoefficients()).isEmpty();
        assertThat(model.predict(new double[] {2, 1, 0})).isCloseTo(Math.exp(6 + 0.8 + 1.2 + 0.405), within(150.0));
        assertThat(model.calibrationError()).isLessThan(0.03);
        assertThat(model.calibration()).allSatisfy(decile -> assertThat(decile.ratio()).isCloseTo(1.0, within(0.1)));
    }

    @Test
    void recoversTheChanceOfAnyCostInTheFirstPart() {
        Data data = skewed(40_000, 0.5, 0.6, 0.3, 23);

        ComplexityModel model = new TwoPartLogCost(0.10, 1).fit(NAMES, data.rows(), data.outcome());

        assertThat(model.anyUseIntercept()).isCloseTo(0.6, within(0.02));
        assertThat(model.anyUseCoefficients().get(0)).isCloseTo(0, within(0.01));
        assertThat(model.anyUseCoefficients().get(1)).isCloseTo(0.3, within(0.02));
        assertThat(model.coefficients().get(0)).isCloseTo(0.4, within(0.01));
        assertThat(model.coefficients().get(1)).isCloseTo(1.2, within(0.03));
        // Mean cost of a frail man with two conditions: 0.9 * exp(6 + 0.8 + 1.2) * exp(0.125).
        assertThat(model.predict(new double[] {2, 1, 0})).isCloseTo(0.9 * Math.exp(8 + 0.125), within(150.0));
    }

    @Test
    void theRuleChoosesTheLogModelForSkewedCostAndTheLinearModelForAdditiveCost() {
        Data skewed = skewed(20_000, 1.0, 0.9, 0.1, 25);
        Data additive = additive(20_000, 27);

        ComplexityChoice forSkewed = ComplexityChoice.of(List.of(new LeastSquares(0.10).fit(NAMES, skewed.rows(),
                skewed.outcome()), new TwoPartLogCost(0.10, 1).fit(NAMES, skewed.rows(), skewed.outcome())));
        ComplexityChoice forAdditive = ComplexityChoice.of(List.of(new LeastSquares(0.10).fit(NAMES, additive.rows(),
                additive.outcome()), new TwoPartLogCost(0.10, 1).fit(NAMES, additive.rows(), additive.outcome())));

        assertThat(forSkewed.chosen().form()).isEqualTo(ModelForm.TWO_PART_LOG);
        assertThat(forSkewed.candidates().get(0).calibrationError()).isGreaterThan(forSkewed.chosen().calibrationError());
        assertThat(forSkewed.reason()).startsWith("The two-part log model is used").contains("rule: the smallest calibration error");
        assertThat(forAdditive.chosen().form()).isEqualTo(ModelForm.LINEAR);
        assertThat(forAdditive.chosen().intercept()).isCloseTo(400, within(20.0));
    }

    @Test
    void smearingByBandGivesEachBandTheSameFactorWhenTheSpreadIsTheSameForEveryone() {
        Data data = skewed(40_000, 0.9, 1, 0, 31);

        ComplexityModel model = new TwoPartLogCost(0.10, 5).fit(NAMES, data.rows(), data.outcome());

        assertThat(model.smearing()).hasSizeBetween(3, 5);
        assertThat(model.smearing().stream().mapToInt(SmearingBand::people).sum()).isEqualTo(40_000);
        assertThat(model.smearing()).allSatisfy(band -> assertThat(band.factor()).isCloseTo(Math.exp(0.9 * 0.9 / 2),
                within(0.08)));
        assertThat(model.label()).isEqualTo("two-part log, smeared by fifth".replace("fifth",
                model.smearing().size() == 5 ? "fifth" : "band of " + model.smearing().size()));
    }

    @Test
    void smearingByBandFollowsASpreadThatGrowsWithCostAndTheRuleChoosesIt() {
        // Log cost = 5 + 0.5 per condition + e, with the spread of e growing from 0.3 to 1.3 with conditions;
        // a fifth of people have each count, so the fifths by prediction are the counts.
        Random random = new Random(33);
        int people = 30_000;
        double[][] rows = new double[people][];
        double[] outcome = new double[people];
        for (int i = 0; i < people; i++) {
            double conditions = i % 5;
            rows[i] = new double[] {conditions, random.nextDouble() < 0.15 ? 1 : 0, random.nextBoolean() ? 1 : 0};
            outcome[i] = Math.exp(5 + 0.5 * conditions + (0.3 + 0.25 * conditions) * random.nextGaussian());
        }

        ComplexityModel single = new TwoPartLogCost(0.10, 1).fit(NAMES, rows, outcome);
        ComplexityModel banded = new TwoPartLogCost(0.10, 5).fit(NAMES, rows, outcome);
        ComplexityChoice choice = ComplexityChoice.of(List.of(new LeastSquares(0.10).fit(NAMES, rows, outcome), single,
                banded));

        // Each count of conditions is its own band; its factor tends to exp(sd^2 / 2).
        assertThat(banded.smearing()).hasSize(5);
        for (int conditions = 0; conditions < 5; conditions++) {
            double spread = 0.3 + 0.25 * conditions;
            assertThat(banded.smearing().get(conditions).factor()).as("%d conditions", conditions)
                    .isCloseTo(Math.exp(spread * spread / 2), within(0.06 * Math.exp(spread * spread / 2)));
        }
        assertThat(banded.predict(new double[] {4, 0, 0})).isCloseTo(Math.exp(7 + 1.3 * 1.3 / 2), within(250.0));
        assertThat(banded.calibrationError()).isLessThan(single.calibrationError());
        assertThat(choice.chosen()).isSameAs(banded);
    }

    @Test
    void saysSoWhenItFitsBadly() {
        Random random = new Random(29);
        double[][] rows = new double[3000][];
        double[] outcome = new double[3000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {random.nextInt(5), random.nextBoolean() ? 1 : 0, random.nextBoolean() ? 1 : 0};
            outcome[i] = Math.exp(7 + 1.5 * random.nextGaussian());
        }

        ComplexityModel model = new TwoPartLogCost(0.10, 1).fit(NAMES, rows, outcome);

        assertThat(model.fitsAcceptably()).isFalse();
        assertThat(model.warnings()).anySatisfy(warning -> assertThat(warning).contains("explains only"));
        assertThat(model.plainWords()).anySatisfy(line -> assertThat(line).startsWith("WARNING: this model fits badly"));
        assertThat(model.plainWords()).anySatisfy(line -> assertThat(line).contains("smearing factor"));
    }
}
