/**
 * Releasing funding from existing contracts for personal health budgets over a multi-year horizon:
 * the activity and cost of each contract that belongs to each cohort, every method of the 2019
 * finance, commissioning and contracting handbook section 3.1 with the staged order of section 3.3 as
 * the default plan, provider stability flags, and a side-by-side comparison of scenarios
 * (IPC summary 2.1). See docs/capitation.md.
 */
package org.almoner.engine.release;
