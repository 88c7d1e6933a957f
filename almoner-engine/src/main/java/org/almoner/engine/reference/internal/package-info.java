/**
 * The file layouts of the reference data and the checks run on them while loading; used only by
 * {@link org.almoner.engine.reference.ReferenceData}.
 */
package org.almoner.engine.reference.internal;
