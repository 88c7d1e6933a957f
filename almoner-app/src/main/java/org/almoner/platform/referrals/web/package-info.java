/** The referrals API: refer a person, list their referrals, record eligibility. */
package org.almoner.platform.referrals.web;
