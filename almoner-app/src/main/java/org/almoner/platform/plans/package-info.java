/**
 * Personalised care and support plans: the sections of the PRSB personalised care and support
 * plan standard, plan lines that carry money (support, provider, frequency, cost, funding source,
 * how it is managed), the five criteria of handbook 2.3.4, every agreed version kept, and export
 * to and import from FHIR R4 CarePlan and Goal.
 */
package org.almoner.platform.plans;
