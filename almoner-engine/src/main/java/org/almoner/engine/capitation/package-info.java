/**
 * Capitated year-of-care budgets from the linked data set: a baseline per cohort, a complexity
 * adjustment fitted by ordinary least squares, uplift, per-person payments, and shadow capitation
 * beside actual spend with gain/loss sharing through risk corridors and quality conditions
 * (IPC prospectus 2014, annex one, financial model stages 2 to 4). See docs/capitation.md.
 */
package org.almoner.engine.capitation;
