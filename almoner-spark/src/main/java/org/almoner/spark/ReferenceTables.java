package org.almoner.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.reference.ReferenceData;
import org.almoner.engine.statements.StatementDefinitions;
import org.almoner.engine.stratification.CodeLists;
import org.almoner.engine.stratification.ProviderNames;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The reference data (tariff, market forces factors, reference, local and unit costs, the mental health
 * split) on Spark. The files are checked and typed by the engine's own loader, in an in-memory DuckDB on
 * the driver (they are a few thousand rows), so both engines accept and reject exactly the same reference
 * data; the typed rows then become small Spark views of the same names, which Spark broadcasts to joins. The
 * stratification's code lists come the same way.
 */
final class ReferenceTables {

    private ReferenceTables() {
    }

    /**
     * Loads the reference folder (or the bundled sample when null) into views {@code ref_*} of the session; returns how
     * many rows they hold.
     */
    static long load(SparkSession spark, Path reference) {
        return onScratchDuckDb("the reference data", (duckdb, work) -> {
            Path folder = reference != null ? reference : ReferenceData.extractBundledSample(work.resolve("sample"));
            Map<String, Long> rowCounts = ReferenceData.load(duckdb, folder).rowCounts();
            for (String table : rowCounts.keySet()) {
                copy(spark, duckdb, table);
            }
            return rowCounts.values().stream().mapToLong(Long::longValue).sum();
        });
    }

    /**
     * Loads the stratification's code lists ({@code list_*}) by the engine's own loader and hands them to the
     * session; returns the frequent-attender thresholds by measure.
     */
    static Map<String, Integer> loadCodeLists(SparkSession spark) {
        return onScratchDuckDb("the code lists", (duckdb, work) -> {
            CodeLists.load(duckdb, work);
            for (String table : CodeLists.FILES.keySet()) {
                copy(spark, duckdb, table);
            }
            Map<String, Integer> thresholds = new HashMap<>();
            try (Statement statement = duckdb.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT measure, threshold FROM list_frequent_attender")) {
                while (rows.next()) {
                    thresholds.put(rows.getString(1), rows.getInt(2));
                }
            }
            return thresholds;
        });
    }

    /**
     * The statements' look-ups, {@code provider_names} (from the reference folder's providers.csv, or the sample's) and
     * {@code treatment_functions}, by the engine's own loaders.
     */
    static void loadStatementLookups(SparkSession spark, Path reference) {
        onScratchDuckDb("the provider names", (duckdb, work) -> {
            ProviderNames.load(duckdb, work, reference);
            StatementDefinitions.loadTreatmentFunctions(duckdb, work);
            copy(spark, duckdb, "provider_names");
            copy(spark, duckdb, "treatment_functions");
            return null;
        });
    }

    /** Work done on a small in-memory DuckDB on the driver, with a temporary folder removed afterwards. */
    @FunctionalInterface
    private interface ScratchWork<T> {
        T run(Connection duckdb, Path work) throws SQLException;
    }

    private static <T> T onScratchDuckDb(String what, ScratchWork<T> work) {
        try {
            Path folder = Files.createTempDirectory("almoner-spark-lookups");
            try (Connection duckdb = DuckDb.open(null, new DuckDbSettings(1, 512, folder))) {
                return work.run(duckdb, folder);
            } finally {
                deleteTree(folder);
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not load " + what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not make a work folder for " + what + ": "
                    + e.getMessage(), e);
        }
    }

    private static void copy(SparkSession spark, Connection duckdb, String table) {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = result.getMetaData();
            List<StructField> fields = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                fields.add(DataTypes.createStructField(meta.getColumnName(i), sparkType(meta, i), true));
            }
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                Object[] values = new Object[fields.size()];
                for (int i = 1; i <= fields.size(); i++) {
                    values[i - 1] = value(result, meta, i);
                }
                rows.add(RowFactory.create(values));
            }
            spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new))).createOrReplaceTempView(table);
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not hand the reference table " + table + " to Spark: "
                    + e.getMessage(), e);
        }
    }

    private static DataType sparkType(ResultSetMetaData meta, int column) throws SQLException {
        return switch (meta.getColumnType(column)) {
            case Types.DECIMAL, Types.NUMERIC -> DataTypes.createDecimalType(meta.getPrecision(column), meta.getScale(column));
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> DataTypes.IntegerType;
            case Types.BIGINT -> DataTypes.LongType;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DataTypes.DoubleType;
            case Types.BOOLEAN, Types.BIT -> DataTypes.BooleanType;
            case Types.DATE -> DataTypes.DateType;
            default -> DataTypes.StringType;
        };
    }

    private static Object value(ResultSet result, ResultSetMetaData meta, int column) throws SQLException {
        Object value = switch (meta.getColumnType(column)) {
            case Types.DECIMAL, Types.NUMERIC -> result.getBigDecimal(column);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> result.getInt(column);
            case Types.BIGINT -> result.getLong(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> result.getDouble(column);
            case Types.BOOLEAN, Types.BIT -> result.getBoolean(column);
            case Types.DATE -> result.getDate(column);
            default -> result.getString(column);
        };
        return result.wasNull() ? null : value;
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is untidy, not wrong.
        }
    }
}
