package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.almoner.engine.capitation.FinancialYear;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * For each contract of the reference data in the base year, the activity and cost that belongs to each
 * cohort (handbook 3.1.8: "the average cost per person, across a patient cohort ... through the linked
 * data set"), and the cost attributed to it ({@link ContractCohortShare}).
 */
final class ContractAttribution {

    private final Connection connection;

    ContractAttribution(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** The contracts and their cohort shares. */
    record Attribution(List<Contract> contracts, List<ContractCohortShare> shares) {
    }

    Attribution attribute(FinancialYear year) throws SQLException {
        String start = "DATE '" + year.startYear() + "-04-01'";
        String end = "DATE '" + (year.startYear() + 1) + "-03-31'";
        Sql.execute(connection, Sql.resource(ContractAttribution.class, "contract-cohorts.sql")
                .replace("${year_start}", start).replace("${year_end}", end)
                .replace("${year}", DuckDb.literal(year.toString())));
        List<Contract> contracts = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT k.contract_id, k.commissioner, k.provider_code, coalesce(p.name, k.provider_code), k.contract_type,"
                        + " k.annual_value, k.services FROM ref_contracts k LEFT JOIN ref_providers p USING (provider_code)"
                        + " WHERE k.start_date <= " + end + " AND k.end_date >= " + start + " ORDER BY k.contract_id")) {
            while (rows.next()) {
                contracts.add(new Contract(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getBigDecimal(6).setScale(2, RoundingMode.HALF_UP),
                        Arrays.stream(rows.getString(7).split(";")).map(String::strip).toList()));
            }
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        record Row(String contract, String cohort, long people, long activityRows, BigDecimal cost) {
        }
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT contract_id, cohort, people, activity_rows, cost FROM contract_cohorts ORDER BY contract_id, cohort")) {
            while (result.next()) {
                Row row = new Row(result.getString(1), result.getString(2), result.getLong(3), result.getLong(4),
                        result.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP));
                rows.add(row);
                totals.merge(row.contract(), row.cost(), BigDecimal::add);
            }
        }
        Map<String, Contract> byId = new LinkedHashMap<>();
        contracts.forEach(contract -> byId.put(contract.contractId(), contract));
        List<ContractCohortShare> shares = new ArrayList<>();
        for (Row row : rows) {
            BigDecimal total = totals.get(row.contract());
            BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO.setScale(6)
                    : row.cost().divide(total, 6, RoundingMode.HALF_UP);
            // The linked population's part of the contract: its activity's cost, but never more than the contract.
            BigDecimal populationPart = byId.get(row.contract()).annualValue().min(total);
            BigDecimal value = total.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : row.cost().multiply(populationPart).divide(total, 2, RoundingMode.HALF_UP);
            shares.add(new ContractCohortShare(row.contract(), row.cohort(), row.people(), row.activityRows(), row.cost(),
                    share, value));
        }
        return new Attribution(contracts, shares);
    }
}
