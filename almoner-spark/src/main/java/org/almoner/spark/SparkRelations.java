package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.almoner.engine.stages.Relation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark adapter of the engine's stage definitions: each relation becomes a temporary view of the
 * session; a materialised one is computed once into Parquet in the run's work folder and read from there, as DuckDB
 * keeps a table.
 *
 * <p>Why files, not {@code persist}: a cached relation keeps the plan it was made from, so each stage's plan held
 * every stage before it. Every query of the statements then planned (and matched against the cache) a tree of the
 * whole pipeline, and its description ran to tens of megabytes: most of the driver's time in the parity tests went on
 * planning, not on data. A relation read from its files has a plan of one scan; the files are on the cluster's store,
 * so a lost executor costs a re-read, not the run.
 */
public final class SparkRelations {

    private final SparkSession spark;
    private final String workFolder;
    private int written;

    /** Relations in {@code workFolder} (a Hadoop path the run owns and removes at the end). */
    public SparkRelations(SparkSession spark, String workFolder) {
        this.spark = requireNonNull(spark, "spark is null");
        this.workFolder = requireNonNull(workFolder, "workFolder is null");
    }

    /**
     * The session settings that make Spark SQL read the engine's definitions as DuckDB does: double
     * quotes around identifiers, decimal arithmetic that keeps every digit of scale (DuckDB's rule, so
     * costs round once, to the penny, from exact products), ANSI behaviour, dates in UTC, and
     * plan descriptions kept short. Key
     * material in the pseudonymisation SQL is redacted from plans and the user interface.
     */
    public static void configure(SparkSession spark) {
        spark.conf().set("spark.sql.ansi.enabled", "true");
        spark.conf().set("spark.sql.ansi.doubleQuotedIdentifiers", "true");
        spark.conf().set("spark.sql.decimalOperations.allowPrecisionLoss", "false");
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        // Adaptive execution describes the plan to listeners at every stage; a cached relation's plan includes the
        // plans it was made from, so by the statements the "formatted" description ran to hundreds of megabytes
        // (minutes of the driver's time, and out of memory in the tests). A simple, bounded description is enough.
        spark.conf().set("spark.sql.ui.explainMode", "simple");
        spark.conf().set("spark.sql.maxPlanStringLength", "100000");
        spark.conf().set("spark.sql.redaction.string.regex", "(?i)[0-9a-f]{128}");
    }

    /** Defines one relation as a temporary view, replacing any of that name; returns its rows. */
    public Dataset<Row> define(Relation relation) {
        requireNonNull(relation, "relation is null");
        Dataset<Row> rows = spark.sql(relation.query());
        if (relation.materialised()) {
            if (hasUntypedColumn(rows.schema())) {
                // Parquet cannot hold a column of no type (a bare NULL); such a relation is kept in memory instead.
                rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
            } else {
                // A name used again (a stage run twice) gets a new folder: the views before it may still read the old one.
                String folder = workFolder + "/relations/" + relation.name() + "-" + (++written);
                rows.write().mode(SaveMode.ErrorIfExists).parquet(folder);
                rows = spark.read().parquet(folder);
            }
        }
        rows.createOrReplaceTempView(relation.name());
        return rows;
    }

    private static boolean hasUntypedColumn(StructType schema) {
        for (StructField field : schema.fields()) {
            if (field.dataType() instanceof NullType) {
                return true;
            }
        }
        return false;
    }

    /** Defines each relation in order. */
    public void defineAll(List<Relation> relations) {
        relations.forEach(this::define);
    }

    /** The single number a query returns. */
    public long count(String query) {
        return spark.sql(query).first().getLong(0);
    }
}
