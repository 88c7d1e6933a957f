package org.almoner.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataTest {

    private static final List<String> TABLES = List.of("ref_tariff", "ref_market_forces_factor", "ref_reference_costs",
            "ref_local_costs", "ref_unit_costs", "ref_providers", "ref_contracts", "ref_mental_health_cluster_split");

    @TempDir
    Path folder;

    private Connection connection;
    private Path sample;

    @BeforeEach
    void openDatabaseAndExtractSample() {
        connection = DuckDb.open(null, new DuckDbSettings(1, 512, null));
        sample = ReferenceData.extractBundledSample(folder.resolve("reference"));
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    @Test
    void loadsTheBundledSampleIntoEveryTable() throws SQLException {
        ReferenceData data = ReferenceData.load(connection, sample);

        assertThat(data.rowCounts()).containsOnlyKeys(TABLES);
        for (String table : TABLES) {
            assertThat(count("SELECT count(*) FROM " + table)).as(table).isPositive();
            assertThat(data.rowCounts().get(table)).as(table).isEqualTo(count("SELECT count(*) FROM " + table));
        }
    }

    @Test
    void everyFigureInTheBundledSampleCitesItsSource() throws SQLException {
        ReferenceData.load(connection, sample);

        for (String table : TABLES) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE source IS NULL OR trim(source) = ''"))
                    .as(table).isZero();
        }
    }

    @Test
    void typesMoneyFactorsSharesAndDates() throws SQLException {
        ReferenceData.load(connection, sample);

        assertThat(text("SELECT typeof(price) FROM ref_tariff LIMIT 1")).isEqualTo("DECIMAL(18,2)");
        assertThat(text("SELECT typeof(mff) FROM ref_market_forces_factor LIMIT 1")).isEqualTo("DECIMAL(6,4)");
        assertThat(text("SELECT typeof(share) FROM ref_mental_health_cluster_split LIMIT 1")).isEqualTo("DECIMAL(9,6)");
        assertThat(text("SELECT typeof(start_date) FROM ref_contracts LIMIT 1")).isEqualTo("DATE");
        assertThat(text("SELECT typeof(unit_cost) FROM ref_local_costs LIMIT 1")).isEqualTo("DECIMAL(18,2)");
        assertThat(text("SELECT typeof(suitable_for_personal_health_budget) FROM ref_mental_health_cluster_split LIMIT 1"))
                .isEqualTo("BOOLEAN");
    }

    @Test
    void samplePricesHipReplacementAtSeveralThousandPoundsAndTheNextYearHigher() throws SQLException {
        ReferenceData.load(connection, sample);

        BigDecimal first = decimal("SELECT price FROM ref_tariff WHERE financial_year = '2023/24' AND currency_code = 'HN12' AND point_of_delivery = 'EL'");
        BigDecimal second = decimal("SELECT price FROM ref_tariff WHERE financial_year = '2024/25' AND currency_code = 'HN12' AND point_of_delivery = 'EL'");
        assertThat(first).isBetween(new BigDecimal("3000"), new BigDecimal("12000"));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void rejectsAMissingFile() throws IOException {
        Files.delete(sample.resolve("tariff.csv"));

        assertRejected("tariff.csv is missing");
    }

    @Test
    void rejectsAMissingFolder() {
        assertThatThrownBy(() -> ReferenceData.load(connection, folder.resolve("nowhere")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsAHeaderWithoutARequiredColumn() throws IOException {
        replaceInFile("tariff.csv", "financial_year,currency_code,point_of_delivery,price,source",
                "financial_year,currency_code,point_of_delivery,source");

        assertRejected("tariff.csv, line 1 (header): the column price is missing");
    }

    @Test
    void rejectsAHeaderWithAnUnexpectedColumn() throws IOException {
        replaceInFile("providers.csv", "provider_code,name,sector,provider_type,source",
                "provider_code,name,sector,provider_type,source,region");
        appendToEveryDataLine("providers.csv", ",North");

        assertRejected("providers.csv, line 1 (header): the column 'region' is not expected here");
    }

    @Test
    void rejectsANonNumericPriceNamingLineAndColumn() throws IOException {
        replaceLine("tariff.csv", 3, "2023/24,AA35,NEL,£4420,source");

        assertRejected("tariff.csv, line 3, column price: '£4420' is not a number");
    }

    @Test
    void rejectsANegativePrice() throws IOException {
        replaceLine("tariff.csv", 4, "2023/24,AA35,NEL,-12.00,source");

        assertRejected("tariff.csv, line 4, column price: '-12.00' is negative");
    }

    @Test
    void rejectsABlankRequiredValue() throws IOException {
        replaceLine("unit_costs.csv", 2, "2023/24,GP_SURGERY,consultation,,source");

        assertRejected("unit_costs.csv, line 2, column unit_cost: the value is blank");
    }

    @Test
    void rejectsAMalformedFinancialYear() throws IOException {
        replaceLine("unit_costs.csv", 2, "2023/25,GP_SURGERY,consultation,49.00,source");

        assertRejected("unit_costs.csv, line 2, column financial_year: '2023/25' is not a financial year");
    }

    @Test
    void rejectsTwoTariffPricesForTheSameYearHrgAndPointOfDeliveryNamingBothLines() throws IOException {
        replaceLine("tariff.csv", 3, "2023/24,AA35,EL,3900.00,source");

        assertRejected("tariff.csv, lines 2 and 3 all give a tariff price for financial_year 2023/24, currency_code AA35,"
                + " point_of_delivery EL");
    }

    @Test
    void rejectsClusterSharesThatDoNotAddUpToOneNamingTheCluster() throws IOException {
        replaceLine("mental_health_cluster_split.csv", 2, "MHCC01,CARE_COORDINATION,0.250000,N,source");

        assertRejected("column share: the shares for cluster MHCC01 add up to 0.950000, not 1");
    }

    @Test
    void rejectsAnUnknownSector() throws IOException {
        replaceLine("providers.csv", 2, "R0A,Northfield Hospitals NHS Foundation Trust,PUBLIC,acute,source");

        assertRejected("providers.csv, line 2, column sector: 'PUBLIC' is not a known sector. Use one of: NHS,"
                + " LOCAL_AUTHORITY, VCSE, INDEPENDENT");
    }

    @Test
    void rejectsAnUnknownContractType() throws IOException {
        replaceLine("contracts.csv", 2, "C1,Northfield ICB,R0A,SPOT,100.00,2023-04-01,2024-03-31,a_and_e,source");

        assertRejected("contracts.csv, line 2, column contract_type: 'SPOT' is not a known contract_type");
    }

    @Test
    void rejectsAContractWithAnUnknownProvider() throws IOException {
        replaceLine("contracts.csv", 2, "C1,Northfield ICB,ZZZ99,BLOCK,100.00,2023-04-01,2024-03-31,a_and_e,source");

        assertRejected("contracts.csv, line 2, column provider_code: 'ZZZ99' is not in");
    }

    @Test
    void rejectsAMarketForcesFactorForAnUnknownProvider() throws IOException {
        replaceLine("market_forces_factor.csv", 3, "2023/24,R9X,1.0100,source");

        assertRejected("market_forces_factor.csv, line 3, column provider_code: 'R9X' is not in");
    }

    @Test
    void rejectsALocalCostForAnUnknownProvider() throws IOException {
        replaceLine("local_costs.csv", 2, "2023/24,DCA99,HOME_CARE,hour,23.50,source");

        assertRejected("local_costs.csv, line 2, column provider_code: 'DCA99' is not in");
    }

    @Test
    void rejectsTwoReferenceCostsForAnyPointOfDeliveryNamingBothLines() throws IOException {
        replaceLine("reference_costs.csv", 3, "2023/24,SERVICE,DISTRICT_NURSING,,contact,61.00,source");

        assertRejected("reference_costs.csv, lines 2 and 3 all give a reference cost for financial_year 2023/24,"
                + " currency_type SERVICE, currency_code DISTRICT_NURSING, point_of_delivery (blank), unit_type contact");
    }

    @Test
    void rejectsAnUnknownUnitType() throws IOException {
        replaceLine("unit_costs.csv", 2, "2023/24,GP_SURGERY,visit,49.00,source");

        assertRejected("unit_costs.csv, line 2, column unit_type: 'visit' is not a known unit_type");
    }

    @Test
    void rejectsAFlagOtherThanYOrN() throws IOException {
        replaceLine("mental_health_cluster_split.csv", 2, "MHCC01,CARE_COORDINATION,0.300000,yes,source");

        assertRejected("mental_health_cluster_split.csv, line 2, column suitable_for_personal_health_budget: 'yes' is not a flag");
    }

    @Test
    void rejectsAContractThatEndsBeforeItStarts() throws IOException {
        replaceLine("contracts.csv", 2, "C1,Northfield ICB,R0A,BLOCK,100.00,2024-04-01,2024-03-31,a_and_e,source");

        assertRejected("contracts.csv, line 2, column end_date: the contract ends (2024-03-31) before it starts (2024-04-01)");
    }

    @Test
    void rejectsAnImplausibleMarketForcesFactor() throws IOException {
        replaceLine("market_forces_factor.csv", 2, "2023/24,R0A,10.4500,source");

        assertRejected("market_forces_factor.csv, line 2, column mff: '10.4500' is out of range");
    }

    @Test
    void rejectsALineWithTooFewFields() throws IOException {
        replaceLine("unit_costs.csv", 3, "2023/24,GP_HOME_VISIT");

        assertRejected("unit_costs.csv cannot be read as CSV");
    }

    @Test
    void extractingTheSampleTwiceReplacesTheFiles() throws IOException {
        replaceLine("tariff.csv", 3, "broken");

        ReferenceData.extractBundledSample(sample);

        assertThat(Files.readAllLines(sample.resolve("tariff.csv"))).doesNotContain("broken");
    }

    private void assertRejected(String expectedMessagePart) {
        assertThatThrownBy(() -> ReferenceData.load(connection, sample))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.code()).isEqualTo(EngineErrorCode.BAD_REFERENCE_DATA))
                .hasMessageContaining(expectedMessagePart);
    }

    private void replaceInFile(String file, String from, String to) throws IOException {
        Path path = sample.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Replaces line {@code lineNumber} (1 is the header). */
    private void replaceLine(String file, int lineNumber, String line) throws IOException {
        Path path = sample.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        lines.set(lineNumber - 1, line);
        Files.write(path, lines, StandardCharsets.UTF_8);
    }

    private void appendToEveryDataLine(String file, String suffix) throws IOException {
        Path path = sample.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + suffix);
        }
        Files.write(path, lines, StandardCharsets.UTF_8);
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
