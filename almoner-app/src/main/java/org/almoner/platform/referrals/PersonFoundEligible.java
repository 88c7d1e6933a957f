package org.almoner.platform.referrals;

import java.time.LocalDate;
import java.util.UUID;

/** Published when a referral is decided "yes": the person may now have a budget set. */
public record PersonFoundEligible(UUID personId, UUID referralId, String cohort, EligibilityBasis basis, LocalDate decidedOn) {}
