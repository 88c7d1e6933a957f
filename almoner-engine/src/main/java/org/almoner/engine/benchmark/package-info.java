/**
 * Benchmarking the pipeline: generate a population, time each stage, measure peak memory, and set
 * the result beside a hand-written DuckDB SQL script doing the same ingest-and-cost work.
 */
package org.almoner.engine.benchmark;
