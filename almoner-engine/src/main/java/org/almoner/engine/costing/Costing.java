package org.almoner.engine.costing;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.identifier;
import static org.almoner.engine.duckdb.DuckDb.literal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;
import org.almoner.engine.stages.StageScript;

/**
 * Puts a cost on every activity row, in one set-based pass inside DuckDB, by the hierarchy of the
 * 2019 Finance, Commissioning and Contracting Handbook (5.2.2):
 * <ol>
 * <li>tariff: the national price for the row's financial year, HRG and point of delivery, times
 * the provider's market forces factor for that year, times units;</li>
 * <li>reference cost: the national average for the currency (and point of delivery where the
 * reference cost names one) and unit, times units;</li>
 * <li>local cost: the row's own {@code local_cost} (the whole row's cost), else the local cost for
 * provider, service and unit, times units;</li>
 * <li>unit cost: the PSSRU unit cost for service and unit, times units;</li>
 * </ol>
 * otherwise the row is UNCOSTED and its cost is left empty, never zero. Prices are taken only from
 * the row's own financial year (April to March, from {@code start_date}); a year with no price falls
 * to the next level rather than borrowing another year's. Each row's cost is rounded to pence once,
 * at the end, half up.
 *
 * <p>The reference tables must have been loaded with
 * {@link org.almoner.engine.reference.ReferenceData#load} on the same connection.
 */
public final class Costing {

    /** Columns the activity table must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of("activity_id", "source_system", "source_record_id",
            "setting", "provider_code", "service_code", "point_of_delivery", "start_date", "end_date", "units",
            "unit_type", "currency_code", "currency_type", "local_cost");

    /** Columns costing adds; the activity table must not already have them. */
    public static final List<String> ADDED_COLUMNS = List.of("financial_year", "cost", "costing_method", "cost_basis");

    /** The table the mental health cluster split is written to. */
    public static final String COMPONENTS_TABLE = "mental_health_cluster_components";

    private static final List<String> REFERENCE_TABLES = List.of("ref_tariff", "ref_market_forces_factor",
            "ref_reference_costs", "ref_local_costs", "ref_unit_costs", "ref_mental_health_cluster_split");

    private final Connection connection;

    public Costing(Connection duckdb) {
        this.connection = requireNonNull(duckdb, "duckdb is null");
    }

    /**
     * Creates (or replaces) {@code outputTable} holding every column of {@code activityTable}
     * unchanged plus {@code financial_year}, {@code cost} (DECIMAL(18,2), NULL when uncosted),
     * {@code costing_method} and {@code cost_basis}, and creates (or replaces)
     * {@value #COMPONENTS_TABLE}. Table names are plain names in the current schema.
     */
    public CostingResult cost(String activityTable, String outputTable) {
        define(activityTable, outputTable, "TABLE");
        splitMentalHealthClusters(outputTable);
        return summarise(outputTable);
    }

    /**
     * Defines {@code viewName} as the costed activity without computing it: the columns of
     * {@link #cost}, worked out each time the view is read. For very large data read once (the
     * pipeline writes it straight to Parquet), this saves holding a second copy of every row.
     */
    public void defineCostedView(String activityTable, String viewName) {
        define(activityTable, viewName, "VIEW");
    }

    private void define(String activityTable, String outputTable, String kind) {
        requireNonNull(activityTable, "activityTable is null");
        requireNonNull(outputTable, "outputTable is null");
        if (activityTable.equals(outputTable)) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Costing must write to a table other than its input "
                    + activityTable + ".");
        }
        checkReferenceTablesLoaded();
        List<String> columns = checkActivityColumns(activityTable);
        List<Relation> relations = definitions(activityTable, outputTable, columns, SqlDialect.DUCKDB);
        try (Statement statement = connection.createStatement()) {
            for (Relation relation : relations) {
                boolean output = relation.name().equals(outputTable);
                statement.execute("CREATE OR REPLACE " + (output ? kind : "TABLE") + " " + identifier(relation.name()) + " AS\n"
                        + relation.query());
            }
            // A view reads the look-up tables whenever it is read, so they must outlive this call.
            if (kind.equals("TABLE")) {
                for (Relation relation : relations.subList(0, relations.size() - 1)) {
                    statement.execute("DROP TABLE " + identifier(relation.name()));
                }
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Costing the activity in " + activityTable
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The costing stage's relations, shared by every engine: small look-up tables of prices (one per
     * level of the hierarchy, and the financial years), then {@code outputTable}, the costed activity.
     *
     * @param activityColumns the columns of {@code activityTable}, in order; the costed relation keeps them
     */
    public static List<Relation> definitions(String activityTable, String outputTable, List<String> activityColumns,
            SqlDialect dialect) {
        requireNonNull(activityColumns, "activityColumns is null");
        requireNonNull(dialect, "dialect is null");
        String columns = activityColumns.stream().map(column -> identifier(column)).collect(Collectors.joining(", "));
        String text = sql("cost-activity.sql")
                .replace("${activity}", identifier(activityTable)).replace("${output}", outputTable)
                .replace("${activity_columns}", columns)
                .replace("${integers_1900_to_2199}", dialect.integers("y", 1900, 2200));
        List<Relation> relations = new ArrayList<>();
        // The file holds small look-up tables first, then the costed table, separated by lone ';' lines.
        for (String step : text.split("(?m)^;\\s*$")) {
            String statement = stripComments(step).strip();
            Matcher create = CREATE.matcher(statement);
            if (create.matches()) {
                relations.add(Relation.table(create.group(1), create.group(2).strip()));
            } else if (!statement.isEmpty() && !statement.startsWith("DROP TABLE costing_")) {
                throw new EngineException(EngineErrorCode.INTERNAL, "The costing query has a step that is not a table: "
                        + statement.lines().findFirst().orElse(""));
            }
        }
        return List.copyOf(relations);
    }

    private static final Pattern CREATE = Pattern.compile("(?s)CREATE OR REPLACE TABLE ([a-z_][a-z0-9_]*) AS(.*)");

    /**
     * Creates (or replaces) {@value #COMPONENTS_TABLE}: each costed mental health cluster row of
     * {@code costedTable} split into its component services by the local rule.
     */
    public void splitMentalHealthClusters(String costedTable) {
        Relation components = mentalHealthComponents(costedTable);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE " + identifier(components.name()) + " AS\n" + components.query());
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Splitting mental health cluster costs failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The mental health cluster split, shared by every engine: {@value #COMPONENTS_TABLE}, each costed mental health
     * cluster row of {@code costedTable} split into its component services by {@code ref_mental_health_cluster_split},
     * the pennies shared by the largest remainder method so the components add up to the row's cost.
     */
    public static Relation mentalHealthComponents(String costedTable) {
        requireNonNull(costedTable, "costedTable is null");
        List<Relation> relations = StageScript.relations(sql("mental-health-components.sql").replace("${costed}",
                identifier(costedTable)), SqlDialect.DUCKDB, "mental-health-components.sql");
        if (relations.size() != 1 || !relations.getFirst().name().equals(COMPONENTS_TABLE)) {
            throw new EngineException(EngineErrorCode.INTERNAL, "mental-health-components.sql must define " + COMPONENTS_TABLE
                    + " alone; rebuild the engine.");
        }
        return relations.getFirst();
    }

    /**
     * The uncosted rows of {@code costedTable}, each with the reason every level of the hierarchy failed, ordered by
     * {@code activity_id}: the query both engines write to {@code costing/uncosted.csv}.
     */
    public static String uncostedRows(String costedTable) {
        requireNonNull(costedTable, "costedTable is null");
        return stripComments(sql("uncosted-rows.sql").replace("${costed}", identifier(costedTable))).strip();
    }

    /**
     * How many costed mental health cluster rows of {@code costedTable} have no split rule for their cluster (so no
     * components): the query both engines count with.
     */
    public static String mentalHealthRowsWithoutSplit(String costedTable) {
        requireNonNull(costedTable, "costedTable is null");
        return "SELECT count(*) FROM " + identifier(costedTable) + " c WHERE c.currency_type = "
                + "'MH_CLUSTER' AND c.cost IS NOT NULL AND c.currency_code NOT IN"
                + " (SELECT cluster FROM ref_mental_health_cluster_split)";
    }

    /** Counts and totals of {@code costedTable} by method and setting. */
    public CostingResult summarise(String costedTable) {
        try (Statement statement = connection.createStatement()) {
            return summarise(statement, costedTable);
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Summarising the costed activity failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the uncosted rows of {@code costedTable} (made by {@link #cost}) to {@code csv}, one
     * line each, with the reason every level of the hierarchy failed. The file appears whole or not
     * at all. Returns how many rows were written.
     */
    public long writeUncosted(String costedTable, Path csv) {
        requireNonNull(costedTable, "costedTable is null");
        requireNonNull(csv, "csv is null");
        Path target = csv.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY (" + uncostedRows(costedTable) + ") TO " + literal(temporary.toString())
                        + " (HEADER, DELIMITER ',')");
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + identifier(costedTable)
                        + " WHERE costing_method = 'UNCOSTED'")) {
                    count.next();
                    return count.getLong(1);
                }
            } catch (SQLException e) {
                throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the uncosted rows to "
                        + target + ": " + e.getMessage(), e);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the uncosted rows to " + target
                    + ": " + e.getMessage() + ". Check the folder exists and can be written to.", e);
        }
    }

    private void checkReferenceTablesLoaded() {
        Set<String> present = tableNames();
        List<String> missing = REFERENCE_TABLES.stream().filter(table -> !present.contains(table)).toList();
        if (!missing.isEmpty()) {
            throw new EngineException(EngineErrorCode.BAD_REFERENCE_DATA, "The reference data is not loaded (missing "
                    + String.join(", ", missing) + "). Load it with ReferenceData.load before costing.");
        }
    }

    private List<String> checkActivityColumns(String activityTable) {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, activityTable);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not read the columns of " + activityTable + ": "
                    + e.getMessage(), e);
        }
        if (columns.isEmpty()) {
            throw new EngineException(EngineErrorCode.INTERNAL, "There is no activity table called " + activityTable + ".");
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new EngineException(EngineErrorCode.INTERNAL, "The activity table " + activityTable
                    + " has no column " + String.join(", ", missing) + "; costing needs " + String.join(", ", REQUIRED_COLUMNS) + ".");
        }
        List<String> clashing = ADDED_COLUMNS.stream().filter(columns::contains).toList();
        if (!clashing.isEmpty()) {
            throw new EngineException(EngineErrorCode.INTERNAL, "The activity table " + activityTable
                    + " already has column " + String.join(", ", clashing) + ", which costing adds; rename it first.");
        }
        return columns;
    }

    private Set<String> tableNames() {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not list the database tables: " + e.getMessage(), e);
        }
        return names;
    }

    private static CostingResult summarise(Statement statement, String outputTable) throws SQLException {
        String table = identifier(outputTable);
        Map<CostingMethod, Tally> byMethod = new HashMap<>();
        Map<String, Tally> bySetting = new HashMap<>();
        long rows = 0;
        // One pass for both tallies: each (method, setting) group adds to its method and to its setting.
        try (ResultSet result = statement.executeQuery("SELECT costing_method, coalesce(CAST(setting AS VARCHAR), ''), count(*),"
                + " coalesce(sum(cost), 0) FROM " + table + " GROUP BY ALL")) {
            while (result.next()) {
                Tally tally = new Tally(result.getLong(3), result.getBigDecimal(4));
                byMethod.merge(CostingMethod.valueOf(result.getString(1)), tally, Tally::plus);
                bySetting.merge(result.getString(2), tally, Tally::plus);
                rows += tally.rows();
            }
        }
        long withoutSplit;
        try (ResultSet result = statement.executeQuery(mentalHealthRowsWithoutSplit(outputTable))) {
            result.next();
            withoutSplit = result.getLong(1);
        }
        Tally uncosted = byMethod.getOrDefault(CostingMethod.UNCOSTED, new Tally(0, BigDecimal.ZERO));
        return new CostingResult(rows, byMethod, bySetting, uncosted.rows(), withoutSplit);
    }

    private static String sql(String name) {
        try (InputStream in = Costing.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new EngineException(EngineErrorCode.INTERNAL, "The costing query " + name
                        + " is missing from the engine jar; rebuild the engine.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not read the costing query " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops whole-line {@code --} comments so a query can be wrapped in COPY (...). */
    private static String stripComments(String query) {
        List<String> lines = new ArrayList<>();
        for (String line : query.split("\n")) {
            if (!line.strip().startsWith("--")) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }
}
