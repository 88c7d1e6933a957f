/**
 * The Spark runner: the engine's pipeline stages (ingest with its row rules and accounts,
 * pseudonymisation, deterministic linkage, costing, the person-year summary) on Apache Spark, from the
 * engine's own stage definitions ({@code org.almoner.engine.stages}), submitted with {@code spark-submit}.
 *
 * <p>{@link org.almoner.spark.SparkPipeline} runs the stages on a session; {@link org.almoner.spark.SparkRunner}
 * is the main class; {@link org.almoner.spark.SparkRelations} is the Spark adapter of a stage's relations.
 */
package org.almoner.spark;
