package org.almoner.engine.stratification;

import java.nio.file.Path;
import java.sql.Connection;
import org.almoner.engine.page.HtmlPage;

/** The stratification summary page: how the population spreads across each index, year by year. */
final class RiskPage {

    private RiskPage() {
    }

    static void write(Connection connection, PipelineOutput pipeline, Path file) {
        HtmlPage page = new HtmlPage("Almoner: risk stratification", "Risk stratification");
        page.box("summary", "Computed from " + pipeline.folder().toAbsolutePath() + " with rules "
                + RiskStratification.RULES_VERSION + ". One row per person and financial year is in person_year_risk.csv;"
                + " the code lists and weights used, with their published sources, are in code-lists/.");
        page.heading("The population by year");
        page.table(connection, "People, need and cost by financial year", """
                SELECT financial_year, count(*) AS people,
                       count(*) FILTER (WHERE ltc_count >= 2) AS with_2_or_more_long_term_conditions,
                       count(*) FILTER (WHERE ltc_count >= 4) AS with_4_or_more,
                       count(*) FILTER (WHERE frailty_risk = 'high') AS high_frailty_risk_75_and_over,
                       count(*) FILTER (WHERE frequent_emergency_admissions) AS frequent_emergency_admissions,
                       count(*) FILTER (WHERE frequent_ae_attender) AS frequent_a_and_e_attenders,
                       count(*) FILTER (WHERE activation_level IN (1, 2)) AS activation_level_1_or_2,
                       sum(total_cost)::DECIMAL(18,2) AS total_cost
                FROM person_year_risk GROUP BY financial_year ORDER BY financial_year""", 50);
        page.heading("Long-term conditions");
        page.table(connection, "People by number of long-term conditions", """
                SELECT financial_year, least(ltc_count, 6)::VARCHAR || CASE WHEN ltc_count >= 6 THEN '+' ELSE '' END AS long_term_conditions,
                       count(*) AS people, avg(total_cost)::DECIMAL(18,2) AS average_cost
                FROM person_year_risk GROUP BY ALL ORDER BY 1, 2""", 100);
        page.heading("Charlson, Elixhauser and Cambridge scores");
        page.table(connection, "People by Charlson index (Charlson 1987 weights; Quan 2005 ICD-10 codes)", """
                SELECT financial_year, least(charlson_index, 6)::VARCHAR || CASE WHEN charlson_index >= 6 THEN '+' ELSE '' END AS charlson_index,
                       count(*) AS people, avg(total_cost)::DECIMAL(18,2) AS average_cost
                FROM person_year_risk GROUP BY ALL ORDER BY 1, 2""", 100);
        page.table(connection, "Average scores by age band", """
                SELECT financial_year, age_band, count(*) AS people,
                       round(avg(charlson_index_quan_2011), 2) AS average_charlson_quan_2011,
                       round(avg(elixhauser_van_walraven), 2) AS average_elixhauser_van_walraven,
                       avg(cambridge_multimorbidity_score)::DECIMAL(6,2) AS average_cambridge_score,
                       avg(hospital_frailty_risk_score)::DECIMAL(6,1) AS average_hospital_frailty_risk_score
                FROM person_year_risk GROUP BY ALL ORDER BY 1, 2""", 100);
        page.heading("Frailty, activation and rights to have");
        page.table(connection, "Hospital Frailty Risk Score bands, people aged 75 and over", """
                SELECT financial_year, frailty_risk, count(*) AS people FROM person_year_risk
                WHERE frailty_risk IS NOT NULL GROUP BY ALL ORDER BY 1, 2""", 100);
        page.table(connection, "Patient activation levels (PAM)", """
                SELECT financial_year, coalesce(activation_level::VARCHAR, 'not measured') AS activation_level, count(*) AS people
                FROM person_year_risk GROUP BY ALL ORDER BY 1, 2""", 100);
        page.table(connection, "Legal rights to have a personal health budget", """
                SELECT financial_year, count(*) FILTER (WHERE right_to_have_chc) AS nhs_continuing_healthcare,
                       count(*) FILTER (WHERE right_to_have_childrens_continuing_care) AS childrens_continuing_care,
                       count(*) FILTER (WHERE right_to_have_section_117) AS section_117_aftercare,
                       count(*) FILTER (WHERE right_to_have_wheelchair) AS wheelchair_service
                FROM person_year_risk GROUP BY ALL ORDER BY 1""", 100);
        page.heading("Methods and sources");
        page.list(java.util.List.of(
                "Long-term conditions: QOF register conditions and osteoarthritis, from QOF registers and ICD-10 codes (long-term-conditions.csv).",
                "Charlson index: Quan et al. 2005 ICD-10 codes; Charlson 1987 weights and Quan 2011 updated weights; diabetes, liver disease"
                        + " and cancer counted once, at their most severe (charlson.csv).",
                "Elixhauser: Quan et al. 2005 ICD-10 codes, van Walraven 2009 weights (elixhauser.csv).",
                "Cambridge Multimorbidity Score: Payne et al. 2020 general outcome weights, conditions recognised from ICD-10 and QOF"
                        + " registers; conditions defined by prescriptions are not derivable, so the score is a lower bound (cambridge-multimorbidity.csv).",
                "Hospital Frailty Risk Score: Gilbert et al. 2018, ICD-10 codes of the two years to the year end; bands for people aged 75 and over.",
                "Frequent attenders, activation levels: thresholds and cut points in frequent-attender.csv and activation-levels.csv.",
                "Cost percentile: 0 to 99 within each year by total cost (99 is the top 1%)."));
        page.writeTo(file);
    }
}
