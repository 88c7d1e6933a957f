package org.almoner.platform.referrals;

import java.time.LocalDate;
import org.almoner.platform.problems.PlatformException;

/** What the referrer gives. */
public record NewReferral(String cohort, ReferralSource source, String referrerName, String referrerOrganisation,
        String reason, LocalDate receivedOn) {

    public NewReferral {
        if (source == null) {
            throw PlatformException.invalid("source", "Say who made the referral, one of " + java.util.Arrays.toString(ReferralSource.values()) + ".");
        }
        if (referrerName == null || referrerName.isBlank()) {
            throw PlatformException.invalid("referrerName", "Give the name of the person making the referral (for a self-referral, the person's own name).");
        }
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason", "Say why the person is being referred.");
        }
        referrerOrganisation = referrerOrganisation == null || referrerOrganisation.isBlank() ? null : referrerOrganisation.strip();
    }
}
