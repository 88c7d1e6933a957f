/**
 * Loading and checking the reference data that costing relies on: national tariff, market forces
 * factors, national reference costs, local costs, PSSRU unit costs, providers, contracts and the
 * local rule that splits mental health cluster costs into their component services.
 *
 * <p>A realistic, fully sourced sample set ships in the engine jar; see {@code docs/reference-data.md}.
 */
package org.almoner.engine.reference;
