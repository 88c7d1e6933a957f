/**
 * The personal health budget pathway of handbook 2.7.3, configured per cohort: who identifies,
 * refers, assesses, agrees the indicative budget and plan, approves and reviews, the panel that
 * oversees, and the approval rules (tolerance, panel threshold, how long a decision may wait).
 */
package org.almoner.platform.pathways;
