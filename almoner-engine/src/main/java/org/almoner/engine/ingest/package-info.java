/**
 * Ingest: reading an input folder's CSV and Parquet files into typed tables, failing fast on
 * malformed files and accounting for every row (loaded + rejected = read, each reject with its
 * file, line and reason).
 */
package org.almoner.engine.ingest;
