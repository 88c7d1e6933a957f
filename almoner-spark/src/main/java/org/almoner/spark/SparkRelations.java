package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.almoner.engine.stages.Relation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark adapter of the engine's stage definitions: each relation becomes a temporary view of the
 * session; a materialised one is kept (memory, then disk) once computed, as DuckDB keeps a table.
 */
public final class SparkRelations {

    private final SparkSession spark;

    public SparkRelations(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
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
            rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
        }
        rows.createOrReplaceTempView(relation.name());
        return rows;
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
