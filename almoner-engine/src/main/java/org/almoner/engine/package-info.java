/**
 * The linked data set engine: person-level health and care activity, its quality, pseudonymisation,
 * linkage and cost, in plain Java over DuckDB.
 *
 * <p>No Spring here: the platform ({@code almoner-app}) and the Spark runner depend on this module,
 * never the other way round. Sub-packages are capabilities ({@code generator}, {@code ingest},
 * {@code costing}, ...); each says what it is for in its own {@code package-info.java}.
 */
package org.almoner.engine;
