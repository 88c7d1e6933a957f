/**
 * Stage definitions shared by every engine that runs the pipeline: the SQL of each stage written once,
 * in the subset DuckDB and Spark SQL both accept, and the few places their dialects differ.
 *
 * <p>A stage is a list of {@link org.almoner.engine.stages.Relation}s (a name and the query that defines
 * it). The DuckDB pipeline creates them as tables or views in its work database; the Spark runner
 * ({@code almoner-spark}) registers them as temporary views of its session. Where the engines must differ
 * (a hash function's name, integer division, a table of integers), {@link org.almoner.engine.stages.SqlDialect}
 * says how, in one place, and its tests hold both spellings to the same answers.
 */
package org.almoner.engine.stages;
