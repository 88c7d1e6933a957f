/**
 * Reviews of the plan and budget, scheduled by rule when a budget starts: for a direct payment,
 * three months after the start and then at least annually, with optional monthly reviews in the
 * first three months; for every budget at least annually, the financial review held with the plan
 * review. Overdue reviews are listed.
 */
package org.almoner.platform.reviews;
