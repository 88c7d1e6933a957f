package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.pipeline.PublishedFolder;

/**
 * A capitated year-of-care model from the linked data set (IPC prospectus annex one, stages 2 to 4):
 * a baseline per cohort, a complexity adjustment fitted on local data, year-on-year uplift, a payment
 * per person, and, where the payment year's spend is known, shadow capitation beside actual spend per
 * person, cohort and provider with gain/loss sharing.
 */
public final class Capitation {

    /** Bands of predicted log cost, each with its own smearing factor, in the banded two-part model. */
    static final int SMEARING_BANDS = 5;

    /** Runs the whole model and publishes its files to {@code request.output()}. */
    public CapitationResult run(CapitationRequest request) {
        requireNonNull(request, "request is null");
        try (PublishedFolder folder = PublishedFolder.prepare(request.output(), request.replace());
                LinkedData data = LinkedData.open(request.linkedData(), request.cohortFile(), request.reference(),
                        request.database())) {
            CapitationResult result = run(request, data, folder.staging(), folder.target());
            folder.publish();
            return result;
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "A database query failed while working out the capitation: "
                    + e.getMessage(), e);
        }
    }

    private CapitationResult run(CapitationRequest request, LinkedData data, Path staging, Path target) throws SQLException {
        CapitationSettings settings = request.settings();
        List<FinancialYear> years = data.financialYears().stream().map(FinancialYear::parseOrNull).toList();
        FinancialYear base = settings.baseYear() != null ? settings.baseYear()
                : years.size() >= 2 ? years.get(years.size() - 2) : years.get(0);
        if (!years.contains(base)) {
            throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "The base year " + base + " is not in the linked data,"
                    + " which holds " + data.financialYears() + ". Choose one of those years.");
        }
        FinancialYear payment = settings.paymentYear() != null ? settings.paymentYear() : base.plus(1);
        boolean shadow = years.contains(payment);
        FinancialYear populationYear = shadow ? payment : base;
        Connection connection = data.connection();

        ComplexityChoice complexity = fit(connection, base, settings.poorFitRSquared());
        ComplexityModel model = complexity.chosen();
        BigDecimal uplift = upliftFactor(settings.upliftPercent(), base.yearsUntil(payment));
        List<CohortBaseline> baselines = baselines(connection, base, uplift);
        if (baselines.isEmpty()) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "No one in the base year " + base + " is in a cohort,"
                    + " so no baseline can be set. Check the cohort file lists people for " + base + ".");
        }
        double meanCost = queryDouble(connection, "SELECT avg(total_cost) FROM capitation_population WHERE financial_year = "
                + DuckDb.literal(base.toString()));

        Path capitation = staging.resolve("capitation");
        Path shadowFolder = staging.resolve("shadow");
        PersonPayments.Totals totals = new PersonPayments(connection).write(populationYear, payment, model, meanCost,
                baselines, capitation.resolve("payments.csv"), shadowFolder.resolve("by_person.csv"),
                shadow);
        long population = (long) queryDouble(connection, "SELECT count(*) FROM capitation_population WHERE financial_year = "
                + DuckDb.literal(populationYear.toString()));
        long paid = totals.people().values().stream().mapToLong(Long::longValue).sum();
        BigDecimal totalPayments = totals.paid().values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);

        CapitationFiles files = new CapitationFiles(staging);
        files.writeModel(complexity);
        files.writeBaselines(base, payment, settings.upliftPercent(), baselines);

        List<ShadowLine> byCohort = List.of();
        List<ShadowLine> byProvider = List.of();
        GainLossShare gainLoss = null;
        if (shadow) {
            byCohort = totals.people().keySet().stream().map(cohort -> new ShadowLine(cohort, cohort,
                    totals.people().get(cohort), totals.paid().get(cohort), totals.spent().get(cohort))).toList();
            byProvider = byProvider(connection, base, payment, totals.paid());
            BigDecimal spent = totals.spent().values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            gainLoss = settings.sharing().share(totalPayments, spent);
            files.writeShadow(byCohort, byProvider, gainLoss, settings.sharing());
        }
        CapitationResult result = new CapitationResult(base, payment, data.cohortSource(), baselines, complexity, paid,
                population - paid, totalPayments, byCohort, byProvider, gainLoss, target);
        files.writeSummary(result, settings.sharing());
        return result;
    }

    private static BigDecimal upliftFactor(BigDecimal percent, int years) {
        BigDecimal yearly = BigDecimal.ONE.add(percent.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64));
        return yearly.pow(Math.max(years, 0), MathContext.DECIMAL64);
    }

    /** Fits the linear and the two-part log model on the base year and chooses by {@link ComplexityChoice}. */
    private static ComplexityChoice fit(Connection connection, FinancialYear base, double poorFitRSquared)
            throws SQLException {
        List<String> names = Stream.of(Covariate.values()).map(Covariate::column).toList();
        String sql = "SELECT " + names.stream().map(DuckDb::identifier).collect(Collectors.joining(", "))
                + ", total_cost FROM capitation_population WHERE financial_year = " + DuckDb.literal(base.toString());
        List<double[]> rows = new ArrayList<>();
        List<Double> outcome = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                double[] row = new double[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    row[i] = result.getDouble(i + 1);
                }
                rows.add(row);
                outcome.add(result.getDouble(names.size() + 1));
            }
        }
        if (rows.size() <= names.size() + 1) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The base year " + base + " holds only " + rows.size()
                    + " people: too few to fit a complexity adjustment on " + names.size() + " characteristics."
                    + " Use linked data for a larger population.");
        }
        double[][] characteristics = rows.toArray(double[][]::new);
        double[] cost = outcome.stream().mapToDouble(Double::doubleValue).toArray();
        ComplexityModel linear = new LeastSquares(poorFitRSquared).fit(names, characteristics, cost);
        long withCost = Arrays.stream(cost).filter(value -> value > 0).count();
        if (withCost <= names.size() + 1 || Arrays.stream(cost).anyMatch(value -> value < 0)) {
            // Too few people with any cost (or a refund making cost negative) for a log model: linear only.
            return new ComplexityChoice(linear, List.of(linear), "Only the linear model could be fitted: "
                    + withCost + " people had any cost in " + base + ", too few for the log model (or some cost was negative).");
        }
        return ComplexityChoice.of(List.of(linear,
                new TwoPartLogCost(poorFitRSquared, 1).fit(names, characteristics, cost),
                new TwoPartLogCost(poorFitRSquared, SMEARING_BANDS).fit(names, characteristics, cost)));
    }

    private static List<CohortBaseline> baselines(Connection connection, FinancialYear base, BigDecimal uplift)
            throws SQLException {
        String sql = "SELECT c.cohort, count(*), sum(p.total_cost) FROM capitation_population p"
                + " JOIN cohorts c USING (person_pseudonym, financial_year) WHERE p.financial_year = "
                + DuckDb.literal(base.toString()) + " AND c.cohort <> " + DuckDb.literal(LinkedData.NOT_IN_A_COHORT)
                + " GROUP BY c.cohort ORDER BY c.cohort";
        List<CohortBaseline> baselines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                long people = rows.getLong(2);
                BigDecimal cost = rows.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP);
                BigDecimal perPerson = cost.divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
                BigDecimal uplifted = perPerson.multiply(uplift).setScale(2, RoundingMode.HALF_UP);
                baselines.add(new CohortBaseline(rows.getString(1), people, cost, perPerson, uplifted));
            }
        }
        return baselines;
    }

    /**
     * Shares each cohort's capitation between providers in proportion to what the cohort cost at each in
     * the base year, beside what the paid people actually cost there in the payment year.
     */
    private static List<ShadowLine> byProvider(Connection connection, FinancialYear base, FinancialYear payment,
            Map<String, BigDecimal> paidByCohort) throws SQLException {
        String cohorts = paidByCohort.keySet().stream().map(DuckDb::literal).collect(Collectors.joining(", "));
        String sql = "WITH spend AS (SELECT a.financial_year, c.cohort, a.provider_code, sum(a.cost) AS cost,"
                + " count(DISTINCT a.person_pseudonym) AS people"
                + " FROM activity_in a JOIN cohorts c USING (person_pseudonym, financial_year)"
                + " WHERE a.financial_year IN (" + DuckDb.literal(base.toString()) + ", " + DuckDb.literal(payment.toString())
                + ") AND c.cohort IN (" + cohorts + ") AND a.cost IS NOT NULL GROUP BY ALL)"
                + " SELECT s.provider_code, coalesce(r.name, s.provider_code), s.cohort,"
                + " coalesce(sum(s.cost) FILTER (WHERE s.financial_year = " + DuckDb.literal(base.toString()) + "), 0),"
                + " coalesce(sum(s.cost) FILTER (WHERE s.financial_year = " + DuckDb.literal(payment.toString()) + "), 0),"
                + " coalesce(sum(s.people) FILTER (WHERE s.financial_year = " + DuckDb.literal(payment.toString()) + "), 0)"
                + " FROM spend s LEFT JOIN ref_providers r USING (provider_code) GROUP BY ALL ORDER BY 1, 3";
        record Spend(String provider, String name, String cohort, BigDecimal base, BigDecimal actual, long people) {
        }
        List<Spend> spends = new ArrayList<>();
        Map<String, BigDecimal> baseByCohort = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Spend spend = new Spend(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBigDecimal(4),
                        rows.getBigDecimal(5), rows.getLong(6));
                spends.add(spend);
                baseByCohort.merge(spend.cohort(), spend.base(), BigDecimal::add);
            }
        }
        Map<String, ShadowLine> lines = new LinkedHashMap<>();
        for (Spend spend : spends) {
            BigDecimal cohortBase = baseByCohort.get(spend.cohort());
            BigDecimal allocated = cohortBase.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : paidByCohort.get(spend.cohort()).multiply(spend.base()).divide(cohortBase, 2, RoundingMode.HALF_UP);
            ShadowLine line = new ShadowLine(spend.provider(), spend.name(), spend.people(), allocated,
                    spend.actual().setScale(2, RoundingMode.HALF_UP));
            lines.merge(spend.provider(), line, (a, b) -> new ShadowLine(a.group(), a.name(), a.people() + b.people(),
                    a.capitatedAmount().add(b.capitatedAmount()), a.actualSpend().add(b.actualSpend())));
        }
        return List.copyOf(lines.values());
    }

    private static double queryDouble(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getDouble(1);
        }
    }
}
