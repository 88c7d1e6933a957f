/**
 * The budget ledger: public money that is never lost, double-counted or overspent.
 *
 * <p>Double-entry and append-only: every transaction's postings sum to zero (checked by the
 * database at commit), postings are only ever added (the application's database role cannot change
 * or remove them), corrections are reversals, and balances are derived from postings. Every request
 * that moves money carries an idempotency key. Payments are allowed by the agreed plan's lines;
 * anything else waits for an approver. Each budget's transactions form a hash chain that
 * reconciliation checks.
 */
package org.almoner.platform.ledger;
