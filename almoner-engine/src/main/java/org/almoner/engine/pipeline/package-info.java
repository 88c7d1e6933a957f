/**
 * The linked data set pipeline: ingest and data quality, pseudonymisation, linkage, costing and
 * output, run in order in one DuckDB work database and published whole or not at all.
 */
package org.almoner.engine.pipeline;
