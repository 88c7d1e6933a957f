/**
 * FHIR R4 as an activity source: Bundles of Patient, Encounter, Condition, Procedure,
 * MedicationRequest, Claim and ExplanationOfBenefit resources converted into the activity and
 * diagnoses formats (docs/fhir-mapping.md), read with HAPI FHIR's R4 structures.
 */
package org.almoner.engine.fhir;
