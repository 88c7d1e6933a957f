/**
 * Personal health budgets and integrated personal budgets: the indicative budget from the
 * person-level statement of resources with its working shown, the final budget from the agreed
 * plan's costed lines, approval by a budget approver or the panel (handbook 2.7.4), the mechanisms
 * (notional, third-party, direct payment, in any combination; handbook 2.7.4 g and h), direct
 * payment suitability and withholding, and the NHS, social care, education and personal
 * contributions of an integrated budget.
 *
 * <p>The ledger the budget is paid through is a separate capability; it learns of budgets from
 * {@link org.almoner.platform.budgets.BudgetActivated} and changes of mechanism from
 * {@link org.almoner.platform.budgets.MechanismsChanged}.
 */
package org.almoner.platform.budgets;
