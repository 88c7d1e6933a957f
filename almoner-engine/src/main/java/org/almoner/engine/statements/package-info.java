/**
 * Statements of resources and transparent indicative budgets (handbook 2019, 2.7.4 c-f; 5.2.5).
 *
 * <p>The <b>system-level statement</b> sets out, per cohort and band of need, one row per provider and service with
 * every column the handbook lists: current provider, service, what it is for, how its cost is calculated, units per
 * year, cost per unit, whether it can be in a personal budget, when it could be, and financial forecast columns
 * (uptake x cost). The <b>person-level statement</b> is derived from it: every service the person uses, costs shown
 * for what can be in the budget, giving the indicative budget: historic use blended with the needs assessment
 * (fluctuating and deteriorating conditions), never above the cost of the care the person would otherwise receive,
 * with NHS, social care and education contributions in one joint figure and a cross-check for services funded twice.
 * Every figure comes with its working and a plain-English letter, and names the version of the rules that made it.
 *
 * <p>Which services can be included, and from when, is local configuration ({@link
 * org.almoner.engine.statements.StatementRules}, YAML). {@link org.almoner.engine.statements.Statements} writes the
 * outputs; {@link org.almoner.engine.statements.StatementCommand} is {@code almoner statement}; {@link
 * org.almoner.engine.statements.IndicativeBudgets} is the plain-Java API for the platform.
 */
package org.almoner.engine.statements;
