/**
 * Key performance indicators for contract monitoring (handbook 2019, 4.1 stage 4), worked out from the platform's own
 * records (people, plans, referrals, budgets, reviews, the ledger) and the population of the current analysis; each
 * one the platform cannot yet compute says so, and why.
 */
package org.almoner.platform.indicators;
