package org.almoner.engine.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.reference.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Costs one row for every combination of the shared catalogue of codes (the helper brief), in both
 * financial years, against the bundled sample reference data: none may be left uncosted.
 */
class CatalogueCostingTest {

    private static final String HRGS = "['AA35','DZ22','DZ65','EB03','EB10','FD01','HN12','HN22','HT12','LA04','BZ34',"
            + "'WH07','KB02','FD05','JC42']";
    private static final String TREATMENT_FUNCTIONS = "['100','110','300','320','340','430','502']";
    private static final String DATES = "[DATE '2023-04-01', DATE '2024-03-31', DATE '2024-04-01', DATE '2025-03-31']";

    @TempDir
    Path folder;

    private Connection connection;

    @BeforeEach
    void loadTheBundledSampleAndEveryCatalogueCombination() throws SQLException {
        connection = DuckDb.open(null, new DuckDbSettings(1, 512, null));
        ReferenceData.load(connection, ReferenceData.extractBundledSample(folder.resolve("reference")));
        List<String> parts = new ArrayList<>();
        parts.add(combinations("admitted_patient_care", "['R0A','R0B','NT001']", TREATMENT_FUNCTIONS, "['EL','NEL','DC']",
                "['spell']", HRGS, "'HRG'", "NULL"));
        parts.add(combinations("outpatients", "['R0A','R0B']", "['100','110','300','320','340','430','502','330']",
                "['OPFA']", "['attendance']", "['WF01B']", "'HRG'", "NULL"));
        parts.add(combinations("outpatients", "['R0A','R0B']", "['100','110','300','320','340','430','502','330']",
                "['OPFU']", "['attendance']", "['WF01A']", "'HRG'", "NULL"));
        parts.add(combinations("a_and_e", "['R0A','R0B']", "['180']", "['AE']", "['attendance']",
                "['VB01Z','VB02Z','VB03Z','VB04Z','VB05Z','VB06Z','VB07Z','VB08Z','VB09Z','VB10Z','VB11Z']", "'HRG'", "NULL"));
        parts.add(sameCode("community", "['R0C']", "['DISTRICT_NURSING','COMMUNITY_MATRON','PHYSIOTHERAPY',"
                + "'OCCUPATIONAL_THERAPY','PODIATRY','SPEECH_AND_LANGUAGE_THERAPY','WHEELCHAIR_SERVICE']", "contact"));
        parts.add(combinations("mental_health", "['R0D']", "['COMMUNITY_MENTAL_HEALTH','MENTAL_HEALTH_INPATIENT']", "[NULL]",
                "['cluster_day']", "['MHCC01','MHCC02','MHCC03','MHCC04','MHCC05','MHCC06','MHCC07','MHCC08','MHCC10',"
                        + "'MHCC11','MHCC12','MHCC13','MHCC14','MHCC15','MHCC16','MHCC17','MHCC18','MHCC19','MHCC20','MHCC21']",
                "'MH_CLUSTER'", "NULL"));
        parts.add(sameCode("primary_care", "[" + gpPractices() + "]",
                "['GP_SURGERY','GP_HOME_VISIT','GP_TELEPHONE','PRACTICE_NURSE']", "consultation"));
        parts.add(combinations("prescribing", "['FA001']", "['PRESCRIPTION']", "[NULL]", "['item']",
                "['0212000B0','0601022B0','0205051R0','0302000C0','0407010H0','0403030Q0']", "'BNF'", "3.21"));
        for (String[] service : new String[][] {{"HOME_CARE", "hour"}, {"REABLEMENT", "hour"}, {"DAY_CARE", "session"},
                {"RESIDENTIAL_CARE", "week"}, {"NURSING_CARE", "week"}, {"DIRECT_PAYMENT", "week"}}) {
            parts.add(sameCode("social_care", "['DCA01','NH001','L0001']", "['" + service[0] + "']", service[1]));
        }
        for (String[] service : new String[][] {{"CHC_HOME_CARE", "hour"}, {"CHC_NURSING_HOME", "week"},
                {"CHC_PERSONAL_HEALTH_BUDGET", "week"}}) {
            parts.add(sameCode("continuing_healthcare", "['DCA01','NH001']", "['" + service[0] + "']", service[1]));
        }
        parts.add(sameCode("vcse", "['V0001','V0002','V0003']", "['SOCIAL_PRESCRIBING','CARERS_SUPPORT','BEFRIENDING',"
                + "'PEER_SUPPORT','TALKING_THERAPY_GROUP']", "session"));
        parts.add(sameCode("education", "['L0001']", "['EHC_SPEECH_THERAPY','EHC_OCCUPATIONAL_THERAPY']", "session"));
        parts.add(sameCode("education", "['L0001']", "['EHC_SPECIALIST_TEACHING']", "hour"));
        parts.add(sameCode("education", "['L0001']", "['EHC_PLAN_COORDINATION']", "year"));
        execute("CREATE TABLE activity AS SELECT row_number() OVER () AS activity_id, 'CATALOGUE' AS source_system,"
                + " CAST(row_number() OVER () AS VARCHAR) AS source_record_id, * FROM (" + String.join(" UNION ALL ", parts) + ")");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    @Test
    void costsEveryCatalogueCombinationInBothYears() throws SQLException {
        CostingResult result = new Costing(connection).cost("activity", "costed");

        assertThat(result.rows()).isEqualTo(count("SELECT count(*) FROM activity")).isGreaterThan(2000);
        assertThat(list("SELECT DISTINCT setting || ' ' || provider_code || ' ' || service_code || ' '"
                + " || coalesce(point_of_delivery, '') || ' ' || coalesce(currency_code, '') || ' ' || financial_year"
                + " FROM costed WHERE costing_method = 'UNCOSTED' ORDER BY 1")).isEmpty();
        assertThat(result.uncosted()).isZero();
        assertThat(result.bySetting()).hasSize(11);
        assertThat(count("SELECT count(*) FROM costed WHERE cost IS NULL OR cost <= 0")).isZero();
    }

    @Test
    void pricesHospitalActivityByTariffOrNationalReferenceCostNeverByFallback() throws SQLException {
        new Costing(connection).cost("activity", "costed");

        assertThat(list("SELECT DISTINCT costing_method FROM costed WHERE currency_type = 'HRG' ORDER BY 1"))
                .containsExactly("REFERENCE_COST", "TARIFF");
        assertThat(list("SELECT DISTINCT costing_method FROM costed WHERE setting IN ('outpatients', 'a_and_e')"))
                .containsExactly("TARIFF");
        assertThat(list("SELECT DISTINCT costing_method FROM costed WHERE setting IN ('community', 'mental_health')"))
                .containsExactly("REFERENCE_COST");
    }

    @Test
    void splitsEveryCatalogueClusterIntoComponents() throws SQLException {
        CostingResult result = new Costing(connection).cost("activity", "costed");

        assertThat(result.mentalHealthRowsWithoutSplit()).isZero();
        assertThat(count("SELECT count(*) FROM costed c WHERE currency_type = 'MH_CLUSTER' AND cost <> (SELECT sum(cost)"
                + " FROM mental_health_cluster_components m WHERE m.activity_id = c.activity_id)")).isZero();
    }

    private static String combinations(String setting, String providers, String services, String pointsOfDelivery,
            String unitTypes, String currencyCodes, String currencyType, String localCost) {
        return "SELECT " + DuckDb.literal(setting) + " AS setting, provider_code, service_code, point_of_delivery,"
                + " start_date, start_date AS end_date, CAST(2 AS DECIMAL(18,4)) AS units, unit_type, currency_code,"
                + " " + currencyType + " AS currency_type, CAST(" + localCost + " AS DECIMAL(18,2)) AS local_cost"
                + " FROM unnest(" + providers + ") p(provider_code), unnest(" + services + ") s(service_code),"
                + " unnest(CAST(" + pointsOfDelivery + " AS VARCHAR[])) d(point_of_delivery), unnest(" + DATES + ") t(start_date),"
                + " unnest(" + unitTypes + ") u(unit_type), unnest(" + currencyCodes + ") c(currency_code)";
    }

    private static String sameCode(String setting, String providers, String services, String unitType) {
        return "SELECT " + DuckDb.literal(setting) + " AS setting, provider_code, service_code, NULL AS point_of_delivery,"
                + " start_date, start_date AS end_date, CAST(2 AS DECIMAL(18,4)) AS units, " + DuckDb.literal(unitType)
                + " AS unit_type, service_code AS currency_code, 'SERVICE' AS currency_type,"
                + " CAST(NULL AS DECIMAL(18,2)) AS local_cost"
                + " FROM unnest(" + providers + ") p(provider_code), unnest(" + services + ") s(service_code),"
                + " unnest(" + DATES + ") t(start_date)";
    }

    private static String gpPractices() {
        List<String> codes = new ArrayList<>();
        for (int practice = 1; practice <= 30; practice++) {
            codes.add("'P9%04d'".formatted(practice));
        }
        return String.join(",", codes);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> list(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
