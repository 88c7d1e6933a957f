/** The ledger API: balances and transactions, payments, direct payments, reversals, approvals, uplifts, monitoring. */
package org.almoner.platform.ledger.web;
