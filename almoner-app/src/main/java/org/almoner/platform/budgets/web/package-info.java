/** The budgets API: indicative budget, submission, decisions, start, mechanisms and direct payments. */
package org.almoner.platform.budgets.web;
