/**
 * Costing activity: putting a price on every row of the linked data set by the hierarchy of the
 * 2019 Finance, Commissioning and Contracting Handbook (5.2.2): national tariff adjusted by the
 * market forces factor, national reference costs, local costs, then PSSRU unit costs, and splitting
 * mental health cluster costs into their component services.
 *
 * <p>Reference data must be loaded first with {@link org.almoner.engine.reference.ReferenceData#load}.
 */
package org.almoner.engine.costing;
