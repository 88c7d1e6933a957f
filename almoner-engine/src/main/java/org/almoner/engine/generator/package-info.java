/**
 * Generates a synthetic, England-like population with health and care activity in every setting,
 * written in the documented input folder layout, with ground truth for testing record linkage.
 * Deterministic for a given seed, whatever the number of threads.
 */
package org.almoner.engine.generator;
