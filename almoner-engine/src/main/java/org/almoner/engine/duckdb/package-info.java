/**
 * Opening and tuning the embedded DuckDB database the engine's stages run in.
 */
package org.almoner.engine.duckdb;
