package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;

/**
 * Works out each person's annual payment: their cohort's uplifted baseline times their complexity
 * factor (their predicted cost over the cohort's mean prediction), so a cohort's payments add up to its
 * baseline times its people, to within rounding. Writes the payments file and, when actual spend is
 * known, each person's payment beside it.
 */
final class PersonPayments {

    /** No prediction counts as less than this share of the mean cost, so no one is paid nearly nothing. */
    static final double PREDICTION_FLOOR_SHARE = 0.05;

    private final Connection connection;

    PersonPayments(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Per-cohort sums of what was paid and what was spent, in cohort order. */
    record Totals(Map<String, Long> people, Map<String, BigDecimal> paid, Map<String, BigDecimal> spent) {
    }

    /**
     * Writes {@code payments} (and {@code byPerson} when {@code shadow}) for the people of
     * {@code populationYear} in a cohort with a baseline.
     */
    Totals write(FinancialYear populationYear, FinancialYear paymentYear, ComplexityModel model, double meanCost,
            List<CohortBaseline> baselines, Path payments, Path byPerson, boolean shadow)
            throws SQLException {
        Map<String, CohortBaseline> byCohort = baselines.stream()
                .collect(Collectors.toMap(CohortBaseline::cohort, baseline -> baseline, (a, b) -> a, LinkedHashMap::new));
        String cohortList = baselines.stream().map(baseline -> DuckDb.literal(baseline.cohort()))
                .collect(Collectors.joining(", "));
        String sql = "WITH predicted AS (SELECT p.person_pseudonym, c.cohort, greatest(" + predictionExpression(model)
                + ", " + literal(meanCost * PREDICTION_FLOOR_SHARE) + ") AS predicted, p.total_cost"
                + " FROM capitation_population p JOIN cohorts c USING (person_pseudonym, financial_year)"
                + " WHERE p.financial_year = " + DuckDb.literal(populationYear.toString())
                + " AND c.cohort IN (" + cohortList + "))"
                + " SELECT person_pseudonym, cohort, predicted / avg(predicted) OVER (PARTITION BY cohort) AS factor, total_cost"
                + " FROM predicted ORDER BY cohort, person_pseudonym";
        Map<String, Long> people = new LinkedHashMap<>();
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        Map<String, BigDecimal> spent = new LinkedHashMap<>();
        try (CsvFile paymentsFile = CsvFile.create(payments, List.of("person_pseudonym", "payment_year", "cohort",
                        "cohort_payment_per_person", "complexity_factor", "annual_payment", "monthly_payment"));
                CsvFile personFile = shadow ? CsvFile.create(byPerson, List.of("person_pseudonym", "cohort",
                        "capitated_amount", "actual_spend", "difference")) : null;
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String person = rows.getString(1);
                String cohort = rows.getString(2);
                BigDecimal factor = BigDecimal.valueOf(rows.getDouble(3)).setScale(6, RoundingMode.HALF_UP);
                BigDecimal perPerson = byCohort.get(cohort).paymentPerPerson();
                BigDecimal annual = perPerson.multiply(factor).setScale(2, RoundingMode.HALF_UP);
                BigDecimal monthly = annual.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                paymentsFile.row(List.of(person, paymentYear.toString(), cohort, perPerson, factor, annual, monthly));
                people.merge(cohort, 1L, Long::sum);
                paid.merge(cohort, annual, BigDecimal::add);
                if (shadow) {
                    BigDecimal actual = rows.getBigDecimal(4).setScale(2, RoundingMode.HALF_UP);
                    spent.merge(cohort, actual, BigDecimal::add);
                    personFile.row(List.of(person, cohort, annual, actual, annual.subtract(actual)));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot write the payments file " + payments + ": "
                    + e.getCause().getMessage() + ". Check there is room on the disk.", e);
        }
        return new Totals(people, paid, spent);
    }

    /** The model's formula as SQL over capitation_population's columns. */
    static String predictionExpression(ComplexityModel model) {
        String linear = sum(model.intercept(), model.coefficients(), model.variables());
        if (model.form() == ModelForm.LINEAR) {
            return linear;
        }
        String anyUse = model.anyUseCoefficients().isEmpty() ? literal(model.anyUseIntercept())
                : sum(model.anyUseIntercept(), model.anyUseCoefficients(), model.variables());
        StringBuilder smearing = new StringBuilder("CASE");
        for (SmearingBand band : model.smearing()) {
            smearing.append(band.upToLogPrediction() == Double.POSITIVE_INFINITY ? " ELSE "
                    : " WHEN " + linear + " <= " + literal(band.upToLogPrediction()) + " THEN ").append(literal(band.factor()));
        }
        smearing.append(" END");
        return "least(CAST(1 AS DOUBLE), greatest(CAST(0 AS DOUBLE), " + anyUse + ")) * exp(" + linear + ") * " + smearing;
    }

    private static String sum(double intercept, List<Double> coefficients, List<String> variables) {
        StringBuilder expression = new StringBuilder("(").append(literal(intercept));
        for (int i = 0; i < variables.size(); i++) {
            expression.append(" + ").append(literal(coefficients.get(i))).append(" * p.")
                    .append(DuckDb.identifier(variables.get(i)));
        }
        return expression.append(")").toString();
    }

    private static String literal(double value) {
        return String.format(Locale.ROOT, "CAST(%.10f AS DOUBLE)", value);
    }
}
