package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.capitation.FinancialYear;
import org.almoner.engine.capitation.LinkedData;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.pipeline.PublishedFolder;

/**
 * Plans releasing funding from contracts for personal health budgets: attributes each contract's
 * activity to cohorts, works every scenario through its horizon and writes the comparison.
 */
public final class Release {

    /** What a run produced. */
    public record Outcome(FinancialYear baseYear, List<Contract> contracts, List<ScenarioResult> results, Path output) {
    }

    public Outcome run(ReleaseRequest request) {
        requireNonNull(request, "request is null");
        try (PublishedFolder folder = PublishedFolder.prepare(request.output(), request.replace());
                LinkedData data = LinkedData.open(request.linkedData(), request.cohortFile(), request.reference(),
                        request.database())) {
            List<FinancialYear> years = data.financialYears().stream().map(FinancialYear::parseOrNull).toList();
            FinancialYear base = request.baseYear() != null ? request.baseYear() : years.get(years.size() - 1);
            if (!years.contains(base)) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "The base year " + base + " is not in the linked"
                        + " data, which holds " + data.financialYears() + ". Choose one of those years.");
            }
            ContractAttribution.Attribution attribution = new ContractAttribution(data.connection()).attribute(base);
            if (attribution.contracts().isEmpty()) {
                throw new EngineException(EngineErrorCode.BAD_REFERENCE_DATA, "The reference data has no contract running in "
                        + base + ". Add the year's contracts to contracts.csv, or choose another --base-year.");
            }
            Map<String, Long> cohortSizes = cohortSizes(data, base);
            Map<String, BigDecimal> cohortSpend = cohortSpend(data, base);
            Map<String, String> providerNames = providerNames(data);
            ScenarioFile reader = new ScenarioFile(
                    attribution.contracts().stream().map(Contract::contractId).collect(Collectors.toSet()), cohortSizes.keySet(),
                    providerNames.keySet());
            ReleaseModel model = new ReleaseModel(attribution.contracts(), attribution.shares(), base);
            List<ScenarioResult> results = new ArrayList<>();
            ReleaseFiles files = new ReleaseFiles(folder.staging());
            List<String> slugs = new ArrayList<>();
            for (Path file : request.scenarioFiles()) {
                Scenario scenario = reader.read(file, attribution.contracts());
                List<ReleaseLine> lines = model.run(scenario);
                List<ProviderYear> providers = ProviderYear.of(lines, scenario, providerNames);
                ScenarioResult result = new ScenarioResult(scenario, lines, providers,
                        YearTotals.of(scenario, lines, providers, cohortSizes, cohortSpend));
                results.add(result);
                String slug = ReleaseFiles.slug(scenario.name(), slugs);
                slugs.add(slug);
                files.writeScenario(result, slug);
            }
            files.writeContractCohorts(attribution.contracts(), attribution.shares());
            files.writeComparison(results);
            files.writePage(ComparisonPage.html(results, base, data.cohortSource()));
            folder.publish();
            return new Outcome(base, attribution.contracts(), results, folder.target());
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "A database query failed while attributing contracts: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, String> providerNames(LinkedData data) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement statement = data.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT provider_code, name FROM ref_providers ORDER BY 1")) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        return names;
    }

    /** Each cohort's cost in the base year in every setting: the spend what is released must reconcile with. */
    private static Map<String, BigDecimal> cohortSpend(LinkedData data, FinancialYear base) throws SQLException {
        Map<String, BigDecimal> spend = new LinkedHashMap<>();
        try (Statement statement = data.connection().createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT c.cohort, coalesce(sum(a.cost), 0)::DECIMAL(18,2) FROM activity_in a JOIN cohorts c"
                        + " ON c.person_pseudonym = a.person_pseudonym AND c.financial_year = a.financial_year"
                        + " WHERE a.financial_year = " + DuckDb.literal(base.toString())
                        + " AND c.cohort <> " + DuckDb.literal(LinkedData.NOT_IN_A_COHORT) + " GROUP BY 1 ORDER BY 1")) {
            while (rows.next()) {
                spend.put(rows.getString(1), rows.getBigDecimal(2));
            }
        }
        return spend;
    }

    private static Map<String, Long> cohortSizes(LinkedData data, FinancialYear base) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Statement statement = data.connection().createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT cohort, count(*) FROM cohorts WHERE financial_year = " + DuckDb.literal(base.toString())
                        + " AND cohort <> " + DuckDb.literal(LinkedData.NOT_IN_A_COHORT) + " GROUP BY cohort ORDER BY cohort")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sizes;
    }
}
