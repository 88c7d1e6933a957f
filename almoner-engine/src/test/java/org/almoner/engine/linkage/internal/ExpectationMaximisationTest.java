package org.almoner.engine.linkage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationMaximisationTest {

    @Test
    void recoversKnownMAndMatchShareFromPairsDrawnFromThem() {
        double[][] m = {{0.85, 0.10, 0.05}, {0.90, 0.10}, {0.70, 0.20, 0.10}};
        double[][] u = {{0.01, 0.04, 0.95}, {0.05, 0.95}, {0.02, 0.08, 0.90}};
        double share = 0.2;
        List<ComparisonPattern> patterns = new ArrayList<>();
        long total = 10_000_000;
        // The expected count of every pattern under the model: EM must find the model again.
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    double p = share * m[0][a] * m[1][b] * m[2][c] + (1 - share) * u[0][a] * u[1][b] * u[2][c];
                    patterns.add(new ComparisonPattern(new int[] {a, b, c}, Math.round(p * total)));
                }
            }
        }
        double[][] start = {{0.5, 0.25, 0.25}, {0.5, 0.5}, {0.4, 0.3, 0.3}};
        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(1000, 1e-9).fit(patterns, u, start, 0.5, null, false);
        assertThat(estimate.converged()).isTrue();
        assertThat(estimate.share()).isCloseTo(share, within(0.001));
        for (int f = 0; f < m.length; f++) {
            for (int level = 0; level < m[f].length; level++) {
                assertThat(estimate.m()[f][level]).as("m of field %d level %d", f, level).isCloseTo(m[f][level], within(0.002));
            }
        }
    }

    @Test
    void ignoresBlankFieldsWhenEstimating() {
        double[][] u = {{0.1, 0.9}, {0.1, 0.9}};
        List<ComparisonPattern> patterns = List.of(
                new ComparisonPattern(new int[] {0, 0}, 900), new ComparisonPattern(new int[] {1, 1}, 900),
                new ComparisonPattern(new int[] {0, -1}, 500));
        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(500, 1e-9)
                .fit(patterns, u, new double[][] {{0.8, 0.2}, {0.8, 0.2}}, 0.5, null, false);
        double[][] m = estimate.m();
        assertThat(m[0][0] + m[0][1]).isCloseTo(1.0, within(1e-6));
        assertThat(m[1][0] + m[1][1]).isCloseTo(1.0, within(1e-6));
        assertThat(m[1][0]).isGreaterThan(0.9);
    }

    @Test
    void holdsAFixedPrior() {
        double[][] u = {{0.1, 0.9}};
        List<ComparisonPattern> patterns = List.of(new ComparisonPattern(new int[] {0}, 100), new ComparisonPattern(new int[] {1}, 900));
        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(100, 1e-9)
                .fit(patterns, u, new double[][] {{0.9, 0.1}}, 0.5, 0.05, false);
        assertThat(estimate.share()).isEqualTo(0.05);
    }
}
