/**
 * Linking activity to people: deterministic linkage on the pseudonymised NHS number, and
 * probabilistic (Fellegi-Sunter) linkage for records without a usable NHS number, both as the
 * pipeline's {@link org.almoner.engine.linkage.SupplementaryLinker} ({@link org.almoner.engine.linkage.ProbabilisticLinker})
 * and on any two files with {@code almoner link} ({@link org.almoner.engine.linkage.LinkCommand}).
 * See docs/linkage.md.
 */
package org.almoner.engine.linkage;
