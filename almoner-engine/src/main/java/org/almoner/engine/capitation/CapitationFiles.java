package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/** Writes the capitation files a finance team reads: baseline, model, fit, shadow, summary, report page. */
final class CapitationFiles {

    private final Path folder;

    CapitationFiles(Path folder) {
        this.folder = requireNonNull(folder, "folder is null");
    }

    void writeModel(ComplexityChoice complexity) {
        Path capitation = folder.resolve("capitation");
        ComplexityModel model = complexity.chosen();
        try (CsvFile csv = CsvFile.create(capitation.resolve("complexity_coefficients.csv"),
                List.of("model", "chosen", "part", "variable", "coefficient", "meaning"))) {
            for (ComplexityModel candidate : complexity.candidates()) {
                String chosen = candidate == model ? "Y" : "N";
                String label = candidate.label();
                if (candidate.form() == ModelForm.LINEAR) {
                    csv.row(List.of(label, chosen, "cost", "constant", round(candidate.intercept()),
                            "predicted annual cost in pounds with none of the characteristics"));
                    for (int i = 0; i < candidate.variables().size(); i++) {
                        csv.row(List.of(label, chosen, "cost", candidate.variables().get(i), round(candidate.coefficients().get(i)),
                                "pounds " + Covariate.wordsFor(candidate.variables().get(i))));
                    }
                    continue;
                }
                csv.row(List.of(label, chosen, "chance of any cost", "constant", decimals(candidate.anyUseIntercept()),
                        "chance of any cost with none of the characteristics"));
                for (int i = 0; i < candidate.anyUseCoefficients().size(); i++) {
                    csv.row(List.of(label, chosen, "chance of any cost", candidate.variables().get(i),
                            decimals(candidate.anyUseCoefficients().get(i)),
                            "added to the chance " + Covariate.wordsFor(candidate.variables().get(i))));
                }
                csv.row(List.of(label, chosen, "log cost", "constant", decimals(candidate.intercept()),
                        "log of the cost of a person with any cost and none of the characteristics"));
                for (int i = 0; i < candidate.variables().size(); i++) {
                    csv.row(List.of(label, chosen, "log cost", candidate.variables().get(i),
                            decimals(candidate.coefficients().get(i)), String.format(Locale.UK, "multiplies cost by %.3f %s",
                                    Math.exp(candidate.coefficients().get(i)), Covariate.wordsFor(candidate.variables().get(i)))));
                }
                for (SmearingBand band : candidate.smearing()) {
                    csv.row(List.of(label, chosen, "smearing", band.upToLogPrediction() == Double.POSITIVE_INFINITY
                            ? "smearing_factor_last_band" : "smearing_factor_up_to_log_" + decimals(band.upToLogPrediction()),
                            decimals(band.factor()), "mean of exp(residual) of the " + band.people()
                                    + " people in the band, multiplying exp(log prediction)"));
                }
            }
        }
        try (CsvFile csv = CsvFile.create(capitation.resolve("complexity_fit.csv"), List.of("measure", "value"))) {
            csv.row(List.of("model", model.label()));
            csv.row(List.of("person_years", model.observations()));
            csv.row(List.of("r_squared", String.format(Locale.ROOT, "%.4f", model.rSquared())));
            csv.row(List.of("mean_absolute_error_pounds", round(model.meanAbsoluteError())));
            csv.row(List.of("calibration_error_percent", String.format(Locale.ROOT, "%.2f", model.calibrationError() * 100)));
            csv.row(List.of("fits_acceptably", model.fitsAcceptably() ? "Y" : "N"));
            csv.row(List.of("dropped_variables", String.join(";", model.droppedVariables())));
        }
        try (CsvFile csv = CsvFile.create(capitation.resolve("complexity_models.csv"), List.of("model", "chosen",
                "person_years", "r_squared", "mean_absolute_error_pounds", "calibration_error_percent", "fits_acceptably"))) {
            for (ComplexityModel candidate : complexity.candidates()) {
                csv.row(List.of(candidate.label(), candidate == model ? "Y" : "N", candidate.observations(),
                        String.format(Locale.ROOT, "%.4f", candidate.rSquared()), round(candidate.meanAbsoluteError()),
                        String.format(Locale.ROOT, "%.2f", candidate.calibrationError() * 100),
                        candidate.fitsAcceptably() ? "Y" : "N"));
            }
        }
        try (CsvFile csv = CsvFile.create(capitation.resolve("complexity_calibration.csv"),
                List.of("model", "chosen", "decile", "people", "mean_predicted_pounds", "mean_actual_pounds",
                        "actual_over_predicted"))) {
            for (ComplexityModel candidate : complexity.candidates()) {
                for (CalibrationDecile decile : candidate.calibration()) {
                    csv.row(List.of(candidate.label(), candidate == model ? "Y" : "N", decile.decile(), decile.people(),
                            round(decile.meanPredicted()), round(decile.meanActual()),
                            Double.isNaN(decile.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", decile.ratio())));
                }
            }
        }
        List<String> words = new ArrayList<>(model.plainWords());
        words.add("");
        words.add(complexity.reason());
        text(capitation.resolve("complexity_model.txt"), words);
    }

    private static String decimals(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    void writeBaselines(FinancialYear base, FinancialYear payment, BigDecimal upliftPercent, List<CohortBaseline> baselines) {
        try (CsvFile csv = CsvFile.create(folder.resolve("capitation").resolve("baseline_by_cohort.csv"),
                List.of("cohort", "base_year", "people", "base_year_cost", "baseline_per_person", "uplift_percent_a_year",
                        "payment_year", "payment_per_person"))) {
            for (CohortBaseline baseline : baselines) {
                csv.row(List.of(baseline.cohort(), base.toString(), baseline.people(), baseline.baseYearCost(),
                        baseline.baselinePerPerson(), upliftPercent.stripTrailingZeros().toPlainString(), payment.toString(),
                        baseline.paymentPerPerson()));
            }
        }
    }

    void writeShadow(List<ShadowLine> byCohort, List<ShadowLine> byProvider, GainLossShare gainLoss, GainLossSharing sharing) {
        Path shadow = folder.resolve("shadow");
        shadowLines(shadow.resolve("by_cohort.csv"), "cohort", byCohort);
        shadowLines(shadow.resolve("by_provider.csv"), "provider_code", byProvider);
        try (CsvFile csv = CsvFile.create(shadow.resolve("gain_loss_sharing.csv"), List.of("line", "amount"))) {
            csv.row(List.of("capitated amount", gainLoss.capitatedAmount()));
            csv.row(List.of("actual spend", gainLoss.actualSpend()));
            csv.row(List.of("difference (positive: underspend, gain)", gainLoss.difference()));
            for (GainLossShare.Band band : gainLoss.bands()) {
                csv.row(List.of("corridor " + band.corridor().label() + ": difference in band", band.differenceInBand()));
                csv.row(List.of("corridor " + band.corridor().label() + ": provider part", band.providerPart()));
            }
            for (QualityCondition condition : sharing.qualityConditions()) {
                csv.row(List.of("quality condition " + condition.name() + (condition.met() ? ": met" : ": not met, withholds "
                        + condition.gainWithheldPercent().stripTrailingZeros().toPlainString() + "% of the gain"), ""));
            }
            csv.row(List.of("provider gain withheld for quality", gainLoss.qualityWithheld()));
            csv.row(List.of("provider share", gainLoss.providerShare()));
            csv.row(List.of("commissioner share", gainLoss.commissionerShare()));
            csv.row(List.of("settlement paid to provider", gainLoss.settlement()));
        }
    }

    private static void shadowLines(Path file, String groupColumn, List<ShadowLine> lines) {
        try (CsvFile csv = CsvFile.create(file, List.of(groupColumn, "name", "people", "capitated_amount", "actual_spend",
                "difference"))) {
            for (ShadowLine line : lines) {
                csv.row(List.of(line.group(), line.name(), line.people(), line.capitatedAmount(), line.actualSpend(),
                        line.difference()));
            }
        }
    }

    void writeSummary(CapitationResult result, GainLossSharing sharing) {
        text(folder.resolve("capitation").resolve("summary.txt"), summary(result));
        text(folder.resolve("report.html"), List.of(CapitationPage.html(result, sharing)));
    }

    /** The run in plain words, as the command prints it. */
    static List<String> summary(CapitationResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("Capitated year of care: baseline from " + result.baseYear() + ", payments for " + result.paymentYear() + ".");
        lines.add("Cohorts " + result.cohortSource() + ".");
        for (CohortBaseline baseline : result.baselines()) {
            lines.add(String.format(Locale.UK, "  %-40s %,8d people  baseline %s a person, %s in %s", baseline.cohort(),
                    baseline.people(), pounds(baseline.baselinePerPerson()), pounds(baseline.paymentPerPerson()),
                    result.paymentYear()));
        }
        for (ComplexityModel candidate : result.complexity().candidates()) {
            lines.add(String.format(Locale.UK, "Complexity adjustment, %s model%s: R-squared %.3f, mean absolute error %s a"
                    + " person, calibration error %.1f%%%s.", candidate.label(),
                    candidate == result.model() ? " (used)" : "", candidate.rSquared(),
                    pounds(BigDecimal.valueOf(candidate.meanAbsoluteError())), candidate.calibrationError() * 100,
                    candidate.fitsAcceptably() ? "" : " (FITS BADLY: see capitation/complexity_model.txt)"));
        }
        lines.add(result.complexity().reason());
        lines.add(String.format(Locale.UK, "Payments: %,d people, %s in all%s.", result.peoplePaid(),
                pounds(result.totalPayments()), result.peopleNotPaid() == 0 ? ""
                        : String.format(Locale.UK, "; %,d people not paid (no cohort, or a cohort with no baseline)",
                                result.peopleNotPaid())));
        if (result.shadow()) {
            GainLossShare share = result.gainLoss();
            lines.add("Shadow " + result.paymentYear() + ": capitated " + pounds(share.capitatedAmount()) + ", actual "
                    + pounds(share.actualSpend()) + ", difference " + pounds(share.difference()) + "; provider share "
                    + pounds(share.providerShare()) + ", commissioner share " + pounds(share.commissionerShare()) + ".");
        } else {
            lines.add("No shadow comparison: the linked data holds no spend for " + result.paymentYear() + ".");
        }
        return lines;
    }

    private static String pounds(BigDecimal amount) {
        return String.format(Locale.UK, "£%,.2f", amount);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static void text(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot write " + file + ": " + e.getMessage()
                    + ". Check there is room on the disk.", e);
        }
    }
}
