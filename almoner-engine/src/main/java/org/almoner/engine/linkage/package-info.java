/**
 * Linking activity to people: deterministic linkage on the pseudonymised NHS number, and the seam
 * ({@link org.almoner.engine.linkage.SupplementaryLinker}) through which probabilistic linkage adds
 * links for records that carry no usable NHS number.
 */
package org.almoner.engine.linkage;
