package org.almoner.engine.statements;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.page.HtmlPage;

/** The system-level statement of resources as a printable page, one table per cohort and band of need. */
final class SystemStatementPage {

    private SystemStatementPage() {
    }

    static void write(Connection connection, StatementRules rules, String baseYear, Path file) {
        HtmlPage page = new HtmlPage("Almoner: statement of resources", "System-level statement of resources");
        page.box("summary", "Historic use in " + baseYear + ", by cohort and band of need (handbook 2019, 2.7.4 d and f). Rules "
                + rules.version() + " (" + rules.source() + ") say which services can be in personal budgets and from when."
                + " Forecast cost = anticipated uptake x units per year per user x cost per unit; change the uptake in"
                + " system_statement.csv to model a different take-up.");
        page.table(connection, "Cohorts and bands of need", """
                SELECT cohort_id, need_band, any_value(people_in_band) AS people,
                       sum(forecast_cost) AS forecast_cost,
                       sum(forecast_cost) FILTER (WHERE include_in_personal_budgets = 'yes') AS could_be_in_personal_budgets,
                       sum(indicative_budget_share_per_person) AS indicative_budget_per_person
                FROM system_statement GROUP BY cohort_id, need_band ORDER BY cohort_id, need_band""", 500);
        for (String[] band : bands(connection)) {
            page.heading(band[0] + ", " + band[1] + " need");
            page.table(connection, "Services for " + band[0] + ", band " + band[1], """
                    SELECT current_provider, service_name AS service, what_the_service_is_for, how_cost_is_calculated, unit,
                           units_per_year_per_user, cost_per_unit, include_in_personal_budgets, when_could_it_be_included, funder,
                           anticipated_uptake, forecast_cost, forecast_cost_per_person
                    FROM system_statement WHERE cohort_id = %s AND need_band = %s"""
                    .formatted(DuckDb.literal(band[0]), DuckDb.literal(band[1])), 60);
        }
        page.writeTo(file);
    }

    private static List<String[]> bands(Connection connection) {
        List<String[]> bands = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT cohort_id, need_band FROM system_statement ORDER BY 1, 2")) {
            while (rows.next()) {
                bands.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not list the statement's bands: " + e.getMessage(), e);
        }
        return bands;
    }
}
