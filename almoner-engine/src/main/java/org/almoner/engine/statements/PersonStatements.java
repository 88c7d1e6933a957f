package org.almoner.engine.statements;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/** Reads one person's statement from the statement tables. */
final class PersonStatements {

    private PersonStatements() {
    }

    static Optional<PersonStatement> read(Connection connection, String personPseudonym) {
        try {
            BudgetRow budget = budget(connection, personPseudonym);
            if (budget == null) {
                return Optional.empty();
            }
            return Optional.of(new PersonStatement(personPseudonym, budget.baseYear, budget.needBand, budget.trajectory,
                    lines(connection, personPseudonym), budget.working, doubleFunding(connection, personPseudonym), budget.rulesVersion));
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not read the statement of " + personPseudonym + ": " + e.getMessage(), e);
        }
    }

    private record BudgetRow(String baseYear, String needBand, String trajectory, BudgetWorking working, String rulesVersion) {
    }

    private static BudgetRow budget(Connection connection, String person) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM indicative_budgets WHERE person_pseudonym = ?")) {
            statement.setString(1, person);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                BudgetWorking working = new BudgetWorking(row.getBigDecimal("includable_this_year"),
                        row.getBigDecimal("includable_previous_year"), row.getBoolean("fluctuating"), row.getBigDecimal("blended_cost"),
                        row.getBoolean("deteriorating"), row.getString("trajectory_from"), row.getBigDecimal("adjustment_percent"), row.getBigDecimal("needs_adjustment"),
                        row.getBigDecimal("budget_before_cap"), row.getBigDecimal("cost_of_current_care"),
                        row.getBoolean("capped_at_cost_of_current_care"), row.getBigDecimal("indicative_budget"),
                        row.getBigDecimal("nhs_contribution"), row.getBigDecimal("social_care_contribution"),
                        row.getBigDecimal("education_contribution"));
                return new BudgetRow(row.getString("base_year"), row.getString("need_band"), row.getString("trajectory"), working,
                        row.getString("rules_version"));
            }
        }
    }

    private static List<StatementLine> lines(Connection connection, String person) throws SQLException {
        List<StatementLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT * FROM person_statement_lines WHERE person_pseudonym = ?
                ORDER BY include_in_budget DESC, cost_per_year DESC, setting, service, provider_code""")) {
            statement.setString(1, person);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    BigDecimal inBudget = row.getBigDecimal("cost_in_budget");
                    lines.add(new StatementLine(row.getString("provider_code"), row.getString("provider_name"), row.getString("setting"),
                            row.getString("service"), row.getString("service_name"), row.getString("what_the_service_is_for"), row.getString("how_cost_is_calculated"),
                            row.getString("unit_type"), row.getBigDecimal("units_per_year"), row.getBigDecimal("cost_per_unit"),
                            row.getBigDecimal("cost_per_year"), Funder.valueOf(row.getString("funder")), row.getBoolean("include_in_budget"),
                            row.getString("when_included"), inBudget));
                }
            }
        }
        return lines;
    }

    private static List<DoubleFunding> doubleFunding(Connection connection, String person) throws SQLException {
        List<DoubleFunding> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM double_funding WHERE person_pseudonym = ? ORDER BY need_met")) {
            statement.setString(1, person);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new DoubleFunding(row.getString("need_met"), Funder.valueOf(row.getString("first_funder")),
                            row.getString("first_services"), Funder.valueOf(row.getString("second_funder")), row.getString("second_services"),
                            row.getObject("overlap_from", java.time.LocalDate.class), row.getObject("overlap_to", java.time.LocalDate.class),
                            row.getBigDecimal("amount_possibly_funded_twice")));
                }
            }
        }
        return found;
    }
}
