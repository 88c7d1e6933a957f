/**
 * The generator's workings: the population model, the per-setting activity models, identifier
 * errors and fast CSV formatting. Not API; use {@link org.almoner.engine.generator.PopulationGenerator}.
 */
package org.almoner.engine.generator.internal;
