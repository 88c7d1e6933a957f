/**
 * The web pages people use in a browser, in the NHS.UK design system: sign-in, caseload, a
 * person's record, referral and eligibility, the care and support plan editor, the budget, its
 * approval and its payments, reviews, the budget holder's own plan, budget and spending, and the
 * commissioner's overview and national return.
 *
 * <p>Pages call the same capabilities as the API, and every page that shows or changes a person's
 * data passes {@code people.PersonAccess}, so it is audited and the record-level rules apply. The
 * header shows only the pages the signed-in role can open ({@link org.almoner.platform.pages.Page}).
 */
package org.almoner.platform.pages;
