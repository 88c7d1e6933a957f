package org.almoner.platform.referrals;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A referral of a person into a cohort's personal health budget pathway. */
public record Referral(UUID id, UUID personId, String cohort, ReferralSource source, String referrerName,
        Optional<String> referrerOrganisation, String reason, LocalDate receivedOn, ReferralStatus status,
        Optional<EligibilityDecision> eligibility) {

    public Referral {
        requireNonNull(id, "id is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(cohort, "cohort is null");
        requireNonNull(source, "source is null");
        requireNonNull(referrerName, "referrerName is null");
        requireNonNull(referrerOrganisation, "referrerOrganisation is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(receivedOn, "receivedOn is null");
        requireNonNull(status, "status is null");
        requireNonNull(eligibility, "eligibility is null");
    }
}
