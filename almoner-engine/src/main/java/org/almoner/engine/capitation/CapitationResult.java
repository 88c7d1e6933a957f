package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * What a capitation run produced.
 *
 * @param baseYear the year the baseline and model come from
 * @param paymentYear the year paid for
 * @param cohortSource where the cohorts came from
 * @param baselines one per cohort
 * @param complexity the complexity models fitted, their fit, and the one chosen
 * @param peoplePaid people given a payment
 * @param peopleNotPaid people of the payment population left out (no cohort, or a cohort with no baseline)
 * @param totalPayments the sum of every person's annual payment
 * @param shadowByCohort capitation beside actual spend per cohort; empty when the payment year is not in the data
 * @param shadowByProvider the same per provider
 * @param gainLoss the sharing of the overall difference; null without shadow data
 * @param output where the files were published
 */
public record CapitationResult(FinancialYear baseYear, FinancialYear paymentYear, String cohortSource,
        List<CohortBaseline> baselines, ComplexityChoice complexity, long peoplePaid, long peopleNotPaid, BigDecimal totalPayments,
        List<ShadowLine> shadowByCohort, List<ShadowLine> shadowByProvider, GainLossShare gainLoss, Path output) {

    public CapitationResult {
        requireNonNull(baseYear, "baseYear is null");
        requireNonNull(paymentYear, "paymentYear is null");
        requireNonNull(cohortSource, "cohortSource is null");
        baselines = List.copyOf(requireNonNull(baselines, "baselines is null"));
        requireNonNull(complexity, "complexity is null");
        requireNonNull(totalPayments, "totalPayments is null");
        shadowByCohort = List.copyOf(requireNonNull(shadowByCohort, "shadowByCohort is null"));
        shadowByProvider = List.copyOf(requireNonNull(shadowByProvider, "shadowByProvider is null"));
        requireNonNull(output, "output is null");
    }

    /** The complexity adjustment payments use. */
    public ComplexityModel model() {
        return complexity.chosen();
    }

    /** Whether actual spend for the payment year was in the data, so shadow figures exist. */
    public boolean shadow() {
        return gainLoss != null;
    }
}
