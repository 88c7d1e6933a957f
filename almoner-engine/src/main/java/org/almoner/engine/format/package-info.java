/**
 * The documented input formats: the person file, diagnoses, condition registers and person-level
 * activity in every setting, as CSV or Parquet. docs/formats.md is the readable form of what is
 * declared here; a test keeps the two in step.
 */
package org.almoner.engine.format;
