package org.almoner.engine.cohorts;

import java.nio.file.Path;
import java.sql.Connection;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.page.HtmlPage;

/** The cohorts page: every cohort's rule, size and cost, its biggest providers and its equality flags. */
final class CohortPage {

    private CohortPage() {
    }

    static void write(Connection connection, CohortDefinitions definitions, Path file) {
        HtmlPage page = new HtmlPage("Almoner: cohorts", "Cohorts");
        page.box("summary", "Definitions " + definitions.version() + " from " + definitions.source() + ". A person can be in"
                + " several cohorts. People in need, for the equality check: " + definitions.equality().needRule().text()
                + ". A group is flagged when its share of a cohort is below " + definitions.equality().underRepresentedBelow()
                + " times its share of the people in need (handbook 2019, 3.2.5), where at least "
                + definitions.equality().minimumPeople() + " of the group are in need.");
        page.table(connection, "Cohort sizes and cost by financial year", """
                SELECT cohort_id, cohort_name, financial_year, people, percent_of_population, total_cost, average_cost_per_person,
                       percent_of_population_cost, rule FROM cohort_summary""", 500);
        page.table(connection, "Groups under-represented relative to need", """
                SELECT cohort_id, financial_year, dimension, population_group, cohort_people, percent_of_cohort,
                       percent_of_people_in_need, representation_ratio
                FROM cohort_equality WHERE under_represented""", 300);
        for (CohortDefinition cohort : definitions.cohorts()) {
            page.heading(cohort.name());
            page.paragraph("Rule: " + cohort.rule().text() + ". Source: " + cohort.source() + ".");
            page.table(connection, "Cost by setting and provider, " + cohort.id(), """
                    SELECT financial_year, setting, provider_code, provider_name, people_using, activity_rows, cost
                    FROM cohort_cost_by_provider WHERE cohort_id = %s ORDER BY financial_year, cost DESC"""
                    .formatted(DuckDb.literal(cohort.id())), 40);
        }
        page.writeTo(file);
    }
}
