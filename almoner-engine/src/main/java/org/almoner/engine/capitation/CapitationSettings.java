package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How to set the capitation (IPC prospectus annex one, stages 2 and 3).
 *
 * @param baseYear the year whose costs set the baseline and fit the complexity adjustment; null for the
 *     second latest year in the data (or the only one)
 * @param paymentYear the year paid for; null for the year after the base year. When the linked data
 *     holds it, actual spend in it is set beside the capitation (shadow mode)
 * @param upliftPercent year-on-year uplift applied to the baseline for each year from base to payment
 * @param poorFitRSquared below this R-squared the complexity adjustment is reported as fitting badly
 * @param sharing risk corridors and quality conditions for gains and losses
 */
public record CapitationSettings(FinancialYear baseYear, FinancialYear paymentYear, BigDecimal upliftPercent,
        double poorFitRSquared, GainLossSharing sharing) {

    public CapitationSettings {
        requireNonNull(upliftPercent, "upliftPercent is null");
        requireNonNull(sharing, "sharing is null");
        if (baseYear != null && paymentYear != null && paymentYear.compareTo(baseYear) <= 0) {
            throw new IllegalArgumentException("paymentYear " + paymentYear + " must come after baseYear " + baseYear);
        }
    }

    /** Defaults: years from the data, no uplift, R-squared 0.10, {@link GainLossSharing#defaults()}. */
    public static CapitationSettings defaults() {
        return new CapitationSettings(null, null, BigDecimal.ZERO, LeastSquares.DEFAULT_POOR_FIT_R_SQUARED,
                GainLossSharing.defaults());
    }

    /** Reads a YAML or JSON settings file; every mistake names the file, line and field. */
    public static CapitationSettings read(Path file) {
        ConfigurationFile.Field root = ConfigurationFile.read(file).root();
        root.allowOnly(Set.of("baseYear", "paymentYear", "upliftPercent", "poorFitRSquared", "corridors",
                "qualityConditions"));
        FinancialYear base = root.has("baseYear") ? year(root.child("baseYear")) : null;
        FinancialYear payment = root.has("paymentYear") ? year(root.child("paymentYear")) : null;
        if (base != null && payment != null && payment.compareTo(base) <= 0) {
            throw root.child("paymentYear").problem("the payment year " + payment + " must come after the base year "
                    + base + ". Pay for a later year than the one the baseline is set on.");
        }
        BigDecimal uplift = root.has("upliftPercent")
                ? BigDecimal.valueOf(root.child("upliftPercent").number(-50, 50)) : BigDecimal.ZERO;
        double poorFit = root.has("poorFitRSquared") ? root.child("poorFitRSquared").number(0, 1)
                : LeastSquares.DEFAULT_POOR_FIT_R_SQUARED;
        List<RiskCorridor> corridors = root.has("corridors") ? corridors(root.child("corridors"))
                : GainLossSharing.defaults().corridors();
        List<QualityCondition> conditions = new ArrayList<>();
        if (root.has("qualityConditions")) {
            for (ConfigurationFile.Field item : root.child("qualityConditions").items()) {
                item.allowOnly(Set.of("name", "met", "gainWithheldPercent"));
                conditions.add(new QualityCondition(item.required("name").text(), item.required("met").flag(),
                        BigDecimal.valueOf(item.required("gainWithheldPercent").number(0, 100))));
            }
        }
        return new CapitationSettings(base, payment, uplift, poorFit, new GainLossSharing(corridors, conditions));
    }

    private static FinancialYear year(ConfigurationFile.Field field) {
        FinancialYear year = FinancialYear.parseOrNull(field.text());
        if (year == null) {
            throw field.problem("'" + field.text() + "' is not a financial year. Write it like 2024/25 (in quotes in YAML"
                    + " is safest: \"2024/25\").");
        }
        return year;
    }

    private static List<RiskCorridor> corridors(ConfigurationFile.Field list) {
        List<RiskCorridor> corridors = new ArrayList<>();
        List<ConfigurationFile.Field> items = list.items();
        if (items.isEmpty()) {
            throw list.problem("the list of corridors is empty. Give at least one, starting at fromPercent: 0.");
        }
        BigDecimal expectedStart = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            ConfigurationFile.Field item = items.get(i);
            item.allowOnly(Set.of("fromPercent", "toPercent", "providerSharePercent"));
            BigDecimal from = BigDecimal.valueOf(item.required("fromPercent").number(0, 1000));
            if (from.compareTo(expectedStart) != 0) {
                throw item.child("fromPercent").problem("this corridor starts at " + from.stripTrailingZeros().toPlainString()
                        + "% but must start at " + expectedStart.stripTrailingZeros().toPlainString()
                        + "% (where the one before ends, or 0 for the first). Corridors must follow on without gaps.");
            }
            BigDecimal to = null;
            if (item.has("toPercent")) {
                to = BigDecimal.valueOf(item.child("toPercent").number(0, 1000));
                if (to.compareTo(from) <= 0) {
                    throw item.child("toPercent").problem("toPercent must be above fromPercent ("
                            + from.stripTrailingZeros().toPlainString() + ").");
                }
            } else if (i < items.size() - 1) {
                throw item.problem("only the last corridor may leave out toPercent. Add toPercent here.");
            }
            BigDecimal share = BigDecimal.valueOf(item.required("providerSharePercent").number(0, 100));
            corridors.add(new RiskCorridor(from, to, share));
            expectedStart = to;
        }
        return corridors;
    }
}
