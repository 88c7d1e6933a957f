/**
 * Population analytics for commissioning and finance: the engine's stratification, cohorts, statements of resources,
 * capitation and release of funding, worked out in the background over a pipeline output (or an input folder, with
 * the pipeline run first) and read back a page at a time.
 *
 * <p>An analysis runs as a job ({@link org.almoner.platform.analysis.AnalysisJobs}) with its progress for a page to
 * poll; its outputs are published whole, replacing the previous analysis only when every step has finished
 * ({@link org.almoner.platform.analysis.CurrentAnalysis}), so a page never reads half an analysis. Pages read the
 * published tables with DuckDB, filtered and limited in SQL, so a population of a million costs a request no more
 * than one of a thousand.
 */
package org.almoner.platform.analysis;
