package org.almoner.engine.capitation;

import static org.almoner.engine.report.SvgCharts.escape;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.almoner.engine.report.NhsPage;
import org.almoner.engine.report.SvgCharts;

/** The capitation run as one HTML page a finance team can read and print: baseline, model, shadow. */
final class CapitationPage {

    private CapitationPage() {
    }

    static String html(CapitationResult result, GainLossSharing sharing) {
        StringBuilder page = new StringBuilder(NhsPage.start("Capitated year of care: " + result.paymentYear()));
        page.append("<p>Baseline from ").append(result.baseYear()).append(", payments for ").append(result.paymentYear())
                .append(". Cohorts ").append(escape(result.cohortSource())).append(".</p>\n");
        ComplexityModel model = result.model();
        if (!model.fitsAcceptably()) {
            page.append("<div class=\"warning\"><p><strong>The complexity adjustment fits badly.</strong> Review it before"
                    + " it sets payments:</p><ul>");
            model.warnings().forEach(warning -> page.append("<li>").append(escape(warning)).append("</li>"));
            page.append("</ul></div>\n");
        }
        page.append("<h2>Baseline per cohort (stage 2)</h2>\n<table><thead><tr><th>Cohort</th><th class=\"n\">People</th>"
                + "<th class=\"n\">Cost in ").append(result.baseYear()).append("</th><th class=\"n\">Per person</th>"
                + "<th class=\"n\">Per person in ").append(result.paymentYear()).append("</th></tr></thead><tbody>\n");
        for (CohortBaseline baseline : result.baselines()) {
            page.append("<tr><td>").append(escape(baseline.cohort())).append("</td>").append(number(baseline.people()))
                    .append(money(baseline.baseYearCost())).append(money(baseline.baselinePerPerson()))
                    .append(money(baseline.paymentPerPerson())).append("</tr>\n");
        }
        page.append("</tbody></table>\n<h2>Complexity adjustment (stage 4)</h2>\n");
        page.append("<table><thead><tr><th>Model</th><th class=\"n\">R-squared</th><th class=\"n\">Mean absolute error</th>"
                + "<th class=\"n\">Calibration error</th><th>Fit</th><th>Used</th></tr></thead><tbody>\n");
        for (ComplexityModel candidate : result.complexity().candidates()) {
            page.append("<tr><td>").append(escape(candidate.label())).append(": ").append(escape(candidate.description()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "%.3f", candidate.rSquared())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "£%,.2f", candidate.meanAbsoluteError())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.UK, "%.1f%%", candidate.calibrationError() * 100)).append("</td><td class=\"")
                    .append(candidate.fitsAcceptably() ? "ok\">acceptable" : "flag\">fits badly").append("</td><td>")
                    .append(candidate == model ? "yes" : "no").append("</td></tr>\n");
        }
        page.append("</tbody></table>\n<p>").append(escape(result.complexity().reason())).append("</p>\n");
        page.append("<div class=\"inset\"><pre>")
                .append(escape(String.join("\n", model.plainWords()))).append("</pre></div>\n");
        Map<String, List<Double>> calibration = new LinkedHashMap<>();
        calibration.put("mean actual", model.calibration().stream().map(CalibrationDecile::meanActual).toList());
        for (ComplexityModel candidate : result.complexity().candidates()) {
            calibration.put("predicted, " + candidate.label(),
                    candidate.calibration().stream().map(CalibrationDecile::meanPredicted).toList());
        }
        page.append(SvgCharts.bars("Calibration: mean actual and predicted annual cost by decile of the used model's"
                + " predicted cost (each model's prediction shown in its own deciles)",
                model.calibration().stream().map(decile -> "decile " + decile.decile()).toList(), calibration, "£"));
        if (result.shadow()) {
            shadow(page, result, sharing);
        } else {
            page.append("<p>No shadow comparison: the linked data holds no spend for ").append(result.paymentYear())
                    .append(".</p>\n");
        }
        page.append(NhsPage.end("Made by Almoner from the linked data set. IPC prospectus 2014, annex one, financial"
                + " model stages 2 to 4. docs/capitation.md explains every figure."));
        return page.toString();
    }

    private static void shadow(StringBuilder page, CapitationResult result, GainLossSharing sharing) {
        page.append("<h2>Shadow capitation beside actual spend (stage 3)</h2>\n");
        lines(page, "Cohort", result.shadowByCohort());
        GainLossShare share = result.gainLoss();
        page.append("<h2>Gain/loss sharing</h2>\n<table><tbody>\n");
        row(page, "Capitated amount", share.capitatedAmount());
        row(page, "Actual spend", share.actualSpend());
        row(page, "Difference (positive: underspend)", share.difference());
        for (GainLossShare.Band band : share.bands()) {
            row(page, "Corridor " + band.corridor().label() + ": provider part of " + pounds(band.differenceInBand()),
                    band.providerPart());
        }
        for (QualityCondition condition : sharing.qualityConditions()) {
            page.append("<tr><td colspan=\"2\" class=\"").append(condition.met() ? "ok" : "flag").append("\">Quality: ")
                    .append(escape(condition.name())).append(condition.met() ? " (met)" : " (not met: withholds "
                            + condition.gainWithheldPercent().stripTrailingZeros().toPlainString() + "% of the gain)")
                    .append("</td></tr>\n");
        }
        row(page, "Gain withheld for quality", share.qualityWithheld());
        row(page, "Provider share", share.providerShare());
        row(page, "Commissioner share", share.commissionerShare());
        row(page, "Settlement paid to the provider", share.settlement());
        page.append("</tbody></table>\n<h2>By provider</h2>\n");
        lines(page, "Provider", result.shadowByProvider());
    }

    private static void lines(StringBuilder page, String heading, List<ShadowLine> lines) {
        page.append("<table><thead><tr><th>").append(heading).append("</th><th class=\"n\">People</th>"
                + "<th class=\"n\">Capitated</th><th class=\"n\">Actual</th><th class=\"n\">Difference</th></tr></thead><tbody>\n");
        for (ShadowLine line : lines) {
            page.append("<tr><td>").append(escape(line.name())).append("</td>").append(number(line.people()))
                    .append(money(line.capitatedAmount())).append(money(line.actualSpend())).append(money(line.difference()))
                    .append("</tr>\n");
        }
        page.append("</tbody></table>\n");
    }

    private static void row(StringBuilder page, String label, BigDecimal amount) {
        page.append("<tr><td>").append(escape(label)).append("</td>").append(money(amount)).append("</tr>\n");
    }

    private static String money(BigDecimal amount) {
        return "<td class=\"n\">" + pounds(amount) + "</td>";
    }

    private static String number(long value) {
        return String.format(Locale.UK, "<td class=\"n\">%,d</td>", value);
    }

    private static String pounds(BigDecimal amount) {
        return (amount.signum() < 0 ? "-" : "") + String.format(Locale.UK, "£%,.2f", amount.abs());
    }
}
