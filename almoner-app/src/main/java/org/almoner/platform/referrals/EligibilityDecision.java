package org.almoner.platform.referrals;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.people.AgeGroup;

/**
 * The decision on a referral.
 *
 * @param localCriteria the local criteria that apply, when the basis is {@link EligibilityBasis#LOCAL_CRITERIA}
 * @param ageGroup adult or child on the day of the decision, kept for national reporting
 */
public record EligibilityDecision(UUID referralId, UUID personId, boolean eligible, EligibilityBasis basis,
        Optional<String> localCriteria, AgeGroup ageGroup, String reasons, String decidedBy, LocalDate decidedOn) {

    public EligibilityDecision {
        requireNonNull(referralId, "referralId is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(basis, "basis is null");
        requireNonNull(localCriteria, "localCriteria is null");
        requireNonNull(ageGroup, "ageGroup is null");
        requireNonNull(reasons, "reasons is null");
        requireNonNull(decidedBy, "decidedBy is null");
        requireNonNull(decidedOn, "decidedOn is null");
    }
}
