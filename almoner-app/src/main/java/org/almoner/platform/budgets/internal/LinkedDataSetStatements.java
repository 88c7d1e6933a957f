package org.almoner.platform.budgets.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.format.Setting;
import org.almoner.platform.budgets.IndicativeLine;
import org.almoner.platform.budgets.StatementOfResources;
import org.almoner.platform.budgets.StatementsOfResources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The person-level statement of resources read from the engine's published output
 * ({@code linked/activity.parquet}) with DuckDB: the person's most recent financial year, one line
 * per provider, service, unit and costing method.
 *
 * <p>Which settings can be in a personal health budget follows handbook 2.7.4 d: prescribing,
 * general practice and hospital activity bought under block or tariff contracts stay out for now;
 * community, mental health, social care, continuing healthcare, VCSE and EHC plan provision are in.
 */
@Component
class LinkedDataSetStatements implements StatementsOfResources {

    private static final Map<String, String> NOT_YET_INCLUDED = Map.of(
            Setting.ADMITTED_PATIENT_CARE.code(), "When the acute contract moves to a cost and volume basis for this cohort",
            Setting.OUTPATIENTS.code(), "When the acute contract moves to a cost and volume basis for this cohort",
            Setting.A_AND_E.code(), "Not planned: urgent care stays commissioned for everyone",
            Setting.PRIMARY_CARE.code(), "Not planned: general practice stays under the GP contract",
            Setting.PRESCRIBING.code(), "Never: prescribing cannot be in a personal health budget");

    private final Path output;

    LinkedDataSetStatements(@Value("${almoner.analytics.output:}") String output) {
        this.output = output.isBlank() ? null : Path.of(output);
    }

    @Override
    public Optional<StatementOfResources> forPseudonym(String analyticsPseudonym) {
        if (output == null) {
            return Optional.empty();
        }
        Path activity = output.resolve("linked").resolve("activity.parquet");
        if (!Files.isReadable(activity)) {
            return Optional.empty();
        }
        String source = "read_parquet(" + DuckDb.literal(activity.toString()) + ")";
        try (Connection duckdb = DuckDb.open(null, new DuckDbSettings(1, 512, null));
                PreparedStatement query = duckdb.prepareStatement("""
                        WITH mine AS (SELECT * FROM %s WHERE person_pseudonym = ? AND cost IS NOT NULL),
                        latest AS (SELECT max(financial_year) AS financial_year FROM mine)
                        SELECT m.financial_year, m.setting, m.provider_code, m.service_code, m.unit_type, m.costing_method,
                               sum(m.units)::DECIMAL(18,2) AS units, sum(m.cost)::DECIMAL(18,2) AS cost
                        FROM mine m JOIN latest USING (financial_year)
                        GROUP BY ALL
                        ORDER BY cost DESC, m.setting, m.provider_code, m.service_code
                        """.formatted(source))) {
            query.setString(1, analyticsPseudonym);
            List<IndicativeLine> lines = new ArrayList<>();
            String year = null;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    year = rows.getString("financial_year");
                    BigDecimal units = rows.getBigDecimal("units");
                    BigDecimal cost = rows.getBigDecimal("cost");
                    BigDecimal perUnit = units.signum() == 0 ? BigDecimal.ZERO : cost.divide(units, 2, RoundingMode.HALF_UP);
                    String setting = rows.getString("setting");
                    String notYet = NOT_YET_INCLUDED.get(setting);
                    lines.add(new IndicativeLine(rows.getString("provider_code"), rows.getString("service_code"),
                            describe(setting), rows.getString("costing_method"), units, rows.getString("unit_type"), perUnit, cost,
                            notYet == null, notYet));
                }
            }
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StatementOfResources("Linked data set " + output.getFileName() + ", financial year " + year, lines));
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not read the statement of resources from " + activity + ": " + failure.getMessage(), failure);
        }
    }

    private static String describe(String settingCode) {
        return Setting.fromCode(settingCode).map(Setting::label).orElse(settingCode);
    }
}
