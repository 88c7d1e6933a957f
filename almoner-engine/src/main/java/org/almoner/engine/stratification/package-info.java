/**
 * Risk stratification per person and financial year over a pipeline output folder: long-term conditions,
 * Charlson (Quan 2005 codes, original and Quan 2011 weights), Elixhauser (van Walraven weights), the Cambridge
 * Multimorbidity Score, the Hospital Frailty Risk Score, frequent attender flags, cost percentile, patient
 * activation level and the legal right-to-have flags.
 *
 * <p>Every code list and weight lives in a CSV file beside this package's classes, with its published source in
 * the file's comment lines, so a clinician or analyst can check them without reading code. {@link
 * org.almoner.engine.stratification.RiskStratification} computes the table {@code person_year_risk} in DuckDB;
 * {@link org.almoner.engine.stratification.StratifyCommand} is {@code almoner stratify}.
 */
package org.almoner.engine.stratification;
