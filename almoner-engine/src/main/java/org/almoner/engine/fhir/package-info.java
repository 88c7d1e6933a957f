/**
 * Converts FHIR R4 Bundles and NDJSON resource files into rows of the activity and diagnoses input
 * formats, so FHIR sources join the linked data set through the same ingest as every other source.
 * docs/fhir-mapping.md documents the mapping.
 */
package org.almoner.engine.fhir;
