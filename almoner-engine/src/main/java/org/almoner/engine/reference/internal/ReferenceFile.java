package org.almoner.engine.reference.internal;

import static org.almoner.engine.reference.internal.ReferenceColumn.oneOf;
import static org.almoner.engine.reference.internal.ReferenceColumn.optional;
import static org.almoner.engine.reference.internal.ReferenceColumn.required;

import java.util.List;
import java.util.Optional;

/**
 * The reference data files, their columns, the DuckDB table each loads into and the columns that
 * must be unique together. Providers come first because the other files are checked against them.
 */
public enum ReferenceFile {
    PROVIDERS("providers.csv", "ref_providers", List.of(
            required("provider_code", ColumnKind.TEXT),
            required("name", ColumnKind.TEXT),
            oneOf("sector", true, List.of("NHS", "LOCAL_AUTHORITY", "VCSE", "INDEPENDENT")),
            oneOf("provider_type", true, List.of("acute", "community", "mental_health", "primary_care", "pharmacy",
                    "social_care", "care_home", "vcse", "education")),
            required("source", ColumnKind.TEXT)),
            List.of("provider_code"), "provider details"),
    TARIFF("tariff.csv", "ref_tariff", List.of(
            required("financial_year", ColumnKind.FINANCIAL_YEAR),
            required("currency_code", ColumnKind.TEXT),
            oneOf("point_of_delivery", true, List.of("EL", "NEL", "DC", "OPFA", "OPFU", "AE")),
            required("price", ColumnKind.MONEY),
            required("source", ColumnKind.TEXT)),
            List.of("financial_year", "currency_code", "point_of_delivery"), "a tariff price"),
    MARKET_FORCES_FACTOR("market_forces_factor.csv", "ref_market_forces_factor", List.of(
            required("financial_year", ColumnKind.FINANCIAL_YEAR),
            required("provider_code", ColumnKind.TEXT),
            required("mff", ColumnKind.FACTOR),
            required("source", ColumnKind.TEXT)),
            List.of("financial_year", "provider_code"), "a market forces factor"),
    REFERENCE_COSTS("reference_costs.csv", "ref_reference_costs", List.of(
            required("financial_year", ColumnKind.FINANCIAL_YEAR),
            oneOf("currency_type", true, List.of("HRG", "MH_CLUSTER", "SERVICE", "BNF")),
            required("currency_code", ColumnKind.TEXT),
            optional("point_of_delivery", ColumnKind.TEXT),
            oneOf("unit_type", true, UnitTypes.ALL),
            required("unit_cost", ColumnKind.MONEY),
            required("source", ColumnKind.TEXT)),
            List.of("financial_year", "currency_type", "currency_code", "point_of_delivery", "unit_type"), "a reference cost"),
    LOCAL_COSTS("local_costs.csv", "ref_local_costs", List.of(
            required("financial_year", ColumnKind.FINANCIAL_YEAR),
            required("provider_code", ColumnKind.TEXT),
            required("service_code", ColumnKind.TEXT),
            oneOf("unit_type", true, UnitTypes.ALL),
            required("unit_cost", ColumnKind.MONEY),
            required("source", ColumnKind.TEXT)),
            List.of("financial_year", "provider_code", "service_code", "unit_type"), "a local cost"),
    UNIT_COSTS("unit_costs.csv", "ref_unit_costs", List.of(
            required("financial_year", ColumnKind.FINANCIAL_YEAR),
            required("service_code", ColumnKind.TEXT),
            oneOf("unit_type", true, UnitTypes.ALL),
            required("unit_cost", ColumnKind.MONEY),
            required("source", ColumnKind.TEXT)),
            List.of("financial_year", "service_code", "unit_type"), "a unit cost"),
    CONTRACTS("contracts.csv", "ref_contracts", List.of(
            required("contract_id", ColumnKind.TEXT),
            required("commissioner", ColumnKind.TEXT),
            required("provider_code", ColumnKind.TEXT),
            oneOf("contract_type", true, List.of("BLOCK", "COST_PER_CASE", "TARIFF", "GRANT")),
            required("annual_value", ColumnKind.MONEY),
            required("start_date", ColumnKind.DATE),
            required("end_date", ColumnKind.DATE),
            required("services", ColumnKind.TEXT),
            required("source", ColumnKind.TEXT)),
            List.of("contract_id"), "a contract"),
    MENTAL_HEALTH_CLUSTER_SPLIT("mental_health_cluster_split.csv", "ref_mental_health_cluster_split", List.of(
            required("cluster", ColumnKind.TEXT),
            required("component", ColumnKind.TEXT),
            required("share", ColumnKind.SHARE),
            required("suitable_for_personal_health_budget", ColumnKind.FLAG),
            required("source", ColumnKind.TEXT)),
            List.of("cluster", "component"), "a share");

    private final String fileName;
    private final String tableName;
    private final List<ReferenceColumn> columns;
    private final List<String> keyColumns;
    private final String rowDescription;

    ReferenceFile(String fileName, String tableName, List<ReferenceColumn> columns, List<String> keyColumns,
            String rowDescription) {
        this.fileName = fileName;
        this.tableName = tableName;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.rowDescription = rowDescription;
    }

    public String fileName() {
        return fileName;
    }

    public String tableName() {
        return tableName;
    }

    public List<ReferenceColumn> columns() {
        return columns;
    }

    /** The columns whose values together may appear on one line only. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** What one line gives, for duplicate messages: "both give a tariff price for ...". */
    public String rowDescription() {
        return rowDescription;
    }

    public Optional<ReferenceColumn> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /** Units of activity the engine knows (the activity format's unit_type values). */
    static final class UnitTypes {
        static final List<String> ALL = List.of("spell", "bed_day", "attendance", "contact", "cluster_day",
                "consultation", "item", "hour", "day", "week", "session", "year");

        private UnitTypes() {
        }
    }
}
