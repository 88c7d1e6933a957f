/**
 * Referrals into the personal health budget pathway, from any agency or the person themselves, and
 * the eligibility decision on each: the legal right to have (NHS Continuing Healthcare and fast
 * track, children's continuing care, section 117 aftercare, personal wheelchair budget) or the
 * local criteria that apply, with reasons for a "no".
 */
package org.almoner.platform.referrals;
