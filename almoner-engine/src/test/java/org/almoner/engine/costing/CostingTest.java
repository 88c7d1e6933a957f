package org.almoner.engine.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.reference.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostingTest {

    @TempDir
    Path folder;

    private Connection connection;
    private Costing costing;

    @BeforeEach
    void loadSmallReferenceSet() throws IOException, SQLException {
        connection = DuckDb.open(null, new DuckDbSettings(1, 512, null));
        Path reference = folder.resolve("reference");
        Files.createDirectories(reference);
        write(reference, "providers.csv", "provider_code,name,sector,provider_type,source",
                "R0A,Acute A,NHS,acute,test", "R0B,Acute B,NHS,acute,test", "R0C,Community,NHS,community,test",
                "R0D,Mental health,NHS,mental_health,test", "DCA01,Home care,INDEPENDENT,social_care,test",
                "L0001,Council,LOCAL_AUTHORITY,social_care,test");
        write(reference, "tariff.csv", "financial_year,currency_code,point_of_delivery,price,source",
                "2024/25,HN12,EL,2345.67,test", "2023/24,HN12,EL,2200.00,test", "2024/25,VB09Z,AE,12.50,test");
        write(reference, "market_forces_factor.csv", "financial_year,provider_code,mff,source",
                "2024/25,R0A,1.0432,test", "2023/24,R0A,1.0000,test", "2024/25,R0B,1.0100,test");
        write(reference, "reference_costs.csv",
                "financial_year,currency_type,currency_code,point_of_delivery,unit_type,unit_cost,source",
                "2024/25,HRG,HN12,NEL,spell,3000.00,test", "2024/25,SERVICE,DISTRICT_NURSING,,contact,58.00,test",
                "2024/25,MH_CLUSTER,MHCC03,,cluster_day,15.37,test", "2024/25,MH_CLUSTER,MHCC99,,cluster_day,10.00,test",
                "2024/25,HRG,DZ65,,spell,1500.00,test", "2024/25,HRG,DZ65,DC,spell,400.00,test");
        write(reference, "local_costs.csv", "financial_year,provider_code,service_code,unit_type,unit_cost,source",
                "2024/25,DCA01,HOME_CARE,hour,23.50,test");
        write(reference, "unit_costs.csv", "financial_year,service_code,unit_type,unit_cost,source",
                "2024/25,HOME_CARE,hour,29.00,test", "2024/25,GP_SURGERY,consultation,49.00,test");
        write(reference, "contracts.csv",
                "contract_id,commissioner,provider_code,contract_type,annual_value,start_date,end_date,services,source",
                "C1,Northfield ICB,R0A,TARIFF,1000000.00,2024-04-01,2025-03-31,admitted_patient_care,test");
        write(reference, "mental_health_cluster_split.csv",
                "cluster,component,share,suitable_for_personal_health_budget,source",
                "MHCC03,CARE_COORDINATION,0.333333,N,test", "MHCC03,PEER_SUPPORT,0.333333,Y,test",
                "MHCC03,PSYCHOLOGICAL_THERAPY,0.333334,Y,test");
        ReferenceData.load(connection, reference);
        execute("CREATE TABLE activity (activity_id BIGINT, source_system VARCHAR, source_record_id VARCHAR,"
                + " setting VARCHAR, provider_code VARCHAR, service_code VARCHAR, point_of_delivery VARCHAR,"
                + " start_date DATE, end_date DATE, units DECIMAL(18,4), unit_type VARCHAR, currency_code VARCHAR,"
                + " currency_type VARCHAR, local_cost DECIMAL(18,2), person_note VARCHAR)");
        costing = new Costing(connection);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    @Test
    void pricesAtTariffTimesMarketForcesFactorToThePenny() throws SQLException {
        addActivity(1, "admitted_patient_care", "R0A", "110", "EL", "2024-06-01", "1", "spell", "HN12", "HRG", null);

        costing.cost("activity", "costed");

        BigDecimal expected = new BigDecimal("2345.67").multiply(new BigDecimal("1.0432")).setScale(2, RoundingMode.HALF_UP);
        // 2345.67 x 1.0432 = 2447.002944, which rounds to 2447.00.
        assertThat(expected).isEqualByComparingTo("2447.00");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 1")).isEqualTo(expected);
        assertThat(text("SELECT costing_method FROM costed WHERE activity_id = 1")).isEqualTo("TARIFF");
        assertThat(text("SELECT cost_basis FROM costed WHERE activity_id = 1"))
                .isEqualTo("tariff 2024/25 HN12 EL £2345.67 x MFF 1.0432 per spell");
    }

    @Test
    void roundsHalfUpOnceForTheWholeRowNotPerUnit() throws SQLException {
        addActivity(1, "a_and_e", "R0B", "180", "AE", "2024-06-01", "1", "attendance", "VB09Z", "HRG", null);
        addActivity(2, "a_and_e", "R0B", "180", "AE", "2024-06-01", "3", "attendance", "VB09Z", "HRG", null);

        costing.cost("activity", "costed");

        // 12.50 x 1.0100 = 12.625 exactly: half up gives 12.63 (half even would give 12.62).
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 1")).isEqualTo(new BigDecimal("12.63"));
        // 12.50 x 1.0100 x 3 = 37.875 -> 37.88, where rounding each unit first would give 3 x 12.63 = 37.89.
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 2")).isEqualTo(new BigDecimal("37.88"));
    }

    @Test
    void usesTheTariffOfTheFinancialYearTheActivityStartedIn() throws SQLException {
        addActivity(1, "admitted_patient_care", "R0A", "110", "EL", "2024-03-31", "1", "spell", "HN12", "HRG", null);
        addActivity(2, "admitted_patient_care", "R0A", "110", "EL", "2024-04-01", "1", "spell", "HN12", "HRG", null);

        costing.cost("activity", "costed");

        assertThat(text("SELECT financial_year FROM costed WHERE activity_id = 1")).isEqualTo("2023/24");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 1")).isEqualTo(new BigDecimal("2200.00"));
        assertThat(text("SELECT financial_year FROM costed WHERE activity_id = 2")).isEqualTo("2024/25");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 2")).isEqualTo(new BigDecimal("2447.00"));
    }

    @Test
    void doesNotBorrowAnotherYearsTariff() throws SQLException, IOException {
        addActivity(1, "admitted_patient_care", "R0A", "110", "EL", "2025-04-01", "1", "spell", "HN12", "HRG", null);

        costing.cost("activity", "costed");

        assertThat(text("SELECT costing_method FROM costed")).isEqualTo("UNCOSTED");
        Path report = folder.resolve("uncosted.csv");
        costing.writeUncosted("costed", report);
        assertThat(Files.readString(report)).contains("no tariff for HRG HN12 EL in 2025/26 (other years have one;"
                + " prices are not carried across years)");
    }

    @Test
    void fallsToTheReferenceCostWhenThereIsNoTariff() throws SQLException {
        addActivity(1, "admitted_patient_care", "R0A", "300", "NEL", "2024-06-01", "2", "spell", "HN12", "HRG", null);
        addActivity(2, "community", "R0C", "DISTRICT_NURSING", null, "2024-06-01", "3", "contact",
                "DISTRICT_NURSING", "SERVICE", null);

        costing.cost("activity", "costed");

        assertThat(text("SELECT costing_method FROM costed WHERE activity_id = 1")).isEqualTo("REFERENCE_COST");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 1")).isEqualTo(new BigDecimal("6000.00"));
        assertThat(text("SELECT cost_basis FROM costed WHERE activity_id = 1"))
                .isEqualTo("reference cost 2024/25 HRG HN12 NEL £3000.00 per spell");
        assertThat(text("SELECT costing_method FROM costed WHERE activity_id = 2")).isEqualTo("REFERENCE_COST");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 2")).isEqualTo(new BigDecimal("174.00"));
    }

    @Test
    void prefersAReferenceCostForTheRowsPointOfDeliveryToOneForAnyPointOfDelivery() throws SQLException {
        addActivity(1, "admitted_patient_care", "R0A", "340", "DC", "2024-06-01", "1", "spell", "DZ65", "HRG", null);
        addActivity(2, "admitted_patient_care", "R0A", "340", "NEL", "2024-06-01", "1", "spell", "DZ65", "HRG", null);

        costing.cost("activity", "costed");

        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 1")).isEqualTo(new BigDecimal("400.00"));
        assertThat(text("SELECT cost_basis FROM costed WHERE activity_id = 1"))
                .isEqualTo("reference cost 2024/25 HRG DZ65 DC £400.00 per spell");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 2")).isEqualTo(new BigDecimal("1500.00"));
    }

    @Test
    void neverAppliesATariffPerSpellToOtherUnits() throws SQLException {
        addActivity(1, "admitted_patient_care", "R0A", "110", "EL", "2024-06-01", "5", "bed_day", "HN12", "HRG", null);

        costing.cost("activity", "costed");

        assertThat(text("SELECT costing_method FROM costed")).isEqualTo("UNCOSTED");
    }

    @Test
    void theRowsOwnLocalCostBeatsTheLocalCostFile() throws SQLException {
        addActivity(1, "social_care", "DCA01", "HOME_CARE", null, "2024-06-01", "10", "hour", "HOME_CARE", "SERVICE", "250.00");
        addActivity(2, "social_care", "DCA01", "HOME_CARE", null, "2024-06-01", "10", "hour", "HOME_CARE", "SERVICE", null);

        costing.cost("activity", "costed");

        assertThat(text("SELECT costing_method FROM costed WHERE activity_id = 1")).isEqualTo("LOCAL_COST");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 1")).isEqualTo(new BigDecimal("250.00"));
        assertThat(text("SELECT cost_basis FROM costed WHERE activity_id = 1")).isEqualTo("local cost recorded on the row");
        assertThat(text("SELECT costing_method FROM costed WHERE activity_id = 2")).isEqualTo("LOCAL_COST");
        assertThat(decimal("SELECT cost FROM costed WHERE activity_id = 2")).isEqualTo(new BigDecimal("235.00"));
    }

    @Test
    void fallsToThePssruUnitCostWhenThereIsNoLocalCost() throws SQLException {
        addActivity(1, "social_care", "L0001", "HOME_CARE", null, "2024-06-01", "2.5", "hour", "HOME_CARE", "SERVICE", null);

        costing.cost("activity", "costed");

        assertThat(text("SELECT costing_method FROM costed")).isEqualTo("UNIT_COST");
        assertThat(decimal("SELECT cost FROM costed")).isEqualTo(new BigDecimal("72.50"));
        assertThat(text("SELECT cost_basis FROM costed")).isEqualTo("PSSRU unit cost 2024/25 HOME_CARE £29.00 per hour");
    }

    @Test
    void leavesUnpricedRowsUncostedAndListsWhyEachLevelFailed() throws SQLException, IOException {
        addActivity(1, "admitted_patient_care", "R0A", "300", "EL", "2024-06-01", "1", "spell", "XX99", "HRG", null);
        addActivity(2, "social_care", "L0001", "HOME_CARE", null, "2024-06-01", "1", "hour", "HOME_CARE", "SERVICE", null);
        addActivity(3, "admitted_patient_care", "R0C", "110", "EL", "2024-06-01", "1", "spell", "HN12", "HRG", null);

        CostingResult result = costing.cost("activity", "costed");

        assertThat(result.uncosted()).isEqualTo(2);
        assertThat(result.byMethod().get(CostingMethod.UNCOSTED).rows()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM costed WHERE costing_method = 'UNCOSTED' AND cost IS NULL")).isEqualTo(2);
        Path report = folder.resolve("out").resolve("uncosted.csv");
        assertThat(costing.writeUncosted("costed", report)).isEqualTo(2);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("activity_id,source_system,source_record_id").endsWith(",reason");
        assertThat(lines.get(1)).startsWith("1,").contains("no tariff for HRG XX99 EL in 2024/25; no reference cost for"
                + " HRG XX99 EL per spell in 2024/25; no local cost on the row or for R0A/300 per spell in 2024/25;"
                + " no unit cost for 300 per spell in 2024/25");
        assertThat(lines.get(2)).startsWith("3,").contains("tariff found but no market forces factor for provider R0C in 2024/25");
        assertThat(Files.list(report.getParent())).containsExactly(report);
    }

    @Test
    void carriesEveryActivityColumnThroughUnchanged() throws SQLException {
        addActivity(1, "social_care", "DCA01", "HOME_CARE", null, "2024-06-01", "10", "hour", "HOME_CARE", "SERVICE", null);
        addActivity(2, "admitted_patient_care", "R0A", "300", "EL", "2024-06-01", "1", "spell", "XX99", "HRG", null);

        costing.cost("activity", "costed");

        assertThat(count("SELECT count(*) FROM (SELECT * FROM activity EXCEPT ALL SELECT * EXCLUDE (financial_year, cost,"
                + " costing_method, cost_basis) FROM costed)")).isZero();
        assertThat(count("SELECT count(*) FROM costed")).isEqualTo(2);
        assertThat(text("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns"
                + " WHERE table_name = 'costed'")).endsWith("local_cost,person_note,financial_year,cost,costing_method,cost_basis");
        assertThat(text("SELECT typeof(cost) FROM costed LIMIT 1")).isEqualTo("DECIMAL(18,2)");
    }

    @Test
    void splitsMentalHealthClusterCostsIntoComponentsThatAddUpExactly() throws SQLException {
        for (int days = 1; days <= 40; days++) {
            addActivity(days, "mental_health", "R0D", "COMMUNITY_MENTAL_HEALTH", null, "2024-06-01",
                    Integer.toString(days), "cluster_day", "MHCC03", "MH_CLUSTER", null);
        }

        CostingResult result = costing.cost("activity", "costed");

        assertThat(count("SELECT count(*) FROM mental_health_cluster_components")).isEqualTo(120);
        assertThat(count("SELECT count(*) FROM costed c JOIN (SELECT activity_id, sum(cost) AS total FROM"
                + " mental_health_cluster_components GROUP BY activity_id) s USING (activity_id) WHERE s.total = c.cost"))
                .isEqualTo(40);
        // 7 days x 15.37 = 107.59; thirds are 35.86 each with 0.01 left over, which goes to the 0.333334 share.
        assertThat(decimal("SELECT cost FROM mental_health_cluster_components WHERE activity_id = 7 AND component = 'PSYCHOLOGICAL_THERAPY'"))
                .isEqualTo(new BigDecimal("35.87"));
        assertThat(decimal("SELECT cost FROM mental_health_cluster_components WHERE activity_id = 7 AND component = 'PEER_SUPPORT'"))
                .isEqualTo(new BigDecimal("35.86"));
        assertThat(text("SELECT suitable_for_personal_health_budget FROM mental_health_cluster_components"
                + " WHERE activity_id = 7 AND component = 'CARE_COORDINATION'")).isEqualTo("false");
        assertThat(result.mentalHealthRowsWithoutSplit()).isZero();
    }

    @Test
    void countsCostedClusterRowsThatHaveNoSplitRule() throws SQLException {
        addActivity(1, "mental_health", "R0D", "COMMUNITY_MENTAL_HEALTH", null, "2024-06-01", "3", "cluster_day",
                "MHCC99", "MH_CLUSTER", null);

        CostingResult result = costing.cost("activity", "costed");

        assertThat(result.mentalHealthRowsWithoutSplit()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mental_health_cluster_components")).isZero();
    }

    @Test
    void totalsRowsAndCostByMethodAndSetting() throws SQLException {
        addActivity(1, "admitted_patient_care", "R0A", "110", "EL", "2024-06-01", "1", "spell", "HN12", "HRG", null);
        addActivity(2, "admitted_patient_care", "R0A", "300", "NEL", "2024-06-01", "1", "spell", "HN12", "HRG", null);
        addActivity(3, "social_care", "DCA01", "HOME_CARE", null, "2024-06-01", "10", "hour", "HOME_CARE", "SERVICE", "250.00");
        addActivity(4, "social_care", "L0001", "HOME_CARE", null, "2024-06-01", "1", "hour", "HOME_CARE", "SERVICE", null);
        addActivity(5, "social_care", "L0001", "DAY_CARE", null, "2024-06-01", "1", "session", "DAY_CARE", "SERVICE", null);

        CostingResult result = costing.cost("activity", "costed");

        assertThat(result.rows()).isEqualTo(5);
        assertThat(result.byMethod().get(CostingMethod.TARIFF)).isEqualTo(new Tally(1, new BigDecimal("2447.00")));
        assertThat(result.byMethod().get(CostingMethod.REFERENCE_COST)).isEqualTo(new Tally(1, new BigDecimal("3000.00")));
        assertThat(result.byMethod().get(CostingMethod.LOCAL_COST)).isEqualTo(new Tally(1, new BigDecimal("250.00")));
        assertThat(result.byMethod().get(CostingMethod.UNIT_COST)).isEqualTo(new Tally(1, new BigDecimal("29.00")));
        assertThat(result.byMethod().get(CostingMethod.UNCOSTED).rows()).isEqualTo(1);
        assertThat(result.byMethod().get(CostingMethod.UNCOSTED).cost()).isEqualByComparingTo("0");
        assertThat(result.bySetting().get("admitted_patient_care")).isEqualTo(new Tally(2, new BigDecimal("5447.00")));
        assertThat(result.bySetting().get("social_care")).isEqualTo(new Tally(3, new BigDecimal("279.00")));
        assertThat(result.totalCost()).isEqualTo(new BigDecimal("5726.00"));
    }

    @Test
    void refusesToCostBeforeTheReferenceDataIsLoaded() throws SQLException {
        try (Connection empty = DuckDb.open(null, new DuckDbSettings(1, 256, null));
                Statement statement = empty.createStatement()) {
            statement.execute("CREATE TABLE activity (activity_id BIGINT)");
            assertThatThrownBy(() -> new Costing(empty).cost("activity", "costed"))
                    .isInstanceOfSatisfying(EngineException.class,
                            e -> assertThat(e.code()).isEqualTo(EngineErrorCode.BAD_REFERENCE_DATA))
                    .hasMessageContaining("Load it with ReferenceData.load before costing");
        }
    }

    @Test
    void refusesAnActivityTableWithoutTheColumnsCostingNeeds() throws SQLException {
        execute("CREATE TABLE thin (activity_id BIGINT, setting VARCHAR)");

        assertThatThrownBy(() -> costing.cost("thin", "costed"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("has no column source_system");
    }

    private void addActivity(long id, String setting, String provider, String service, String pointOfDelivery,
            String startDate, String units, String unitType, String currencyCode, String currencyType, String localCost)
            throws SQLException {
        List<String> values = new ArrayList<>();
        values.add(Long.toString(id));
        values.add(quote("TEST"));
        values.add(quote("R" + id));
        values.add(quote(setting));
        values.add(quote(provider));
        values.add(quote(service));
        values.add(quote(pointOfDelivery));
        values.add("DATE " + quote(startDate));
        values.add("NULL");
        values.add(units);
        values.add(quote(unitType));
        values.add(quote(currencyCode));
        values.add(quote(currencyType));
        values.add(localCost == null ? "NULL" : localCost);
        values.add(quote("note " + id));
        execute("INSERT INTO activity VALUES (" + String.join(", ", values) + ")");
    }

    private static String quote(String text) {
        return text == null ? "NULL" : DuckDb.literal(text);
    }

    private static void write(Path directory, String file, String... lines) throws IOException {
        Files.write(directory.resolve(file), List.of(lines), StandardCharsets.UTF_8);
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

    private String text(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBigDecimal(1);
        }
    }
}
