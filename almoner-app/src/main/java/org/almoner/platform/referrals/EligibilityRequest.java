package org.almoner.platform.referrals;

import java.time.LocalDate;
import org.almoner.platform.problems.PlatformException;

/** What the assessor records: eligible or not, on what basis, and why. */
public record EligibilityRequest(Boolean eligible, EligibilityBasis basis, String localCriteria, String reasons, LocalDate decidedOn) {

    public EligibilityRequest {
        if (eligible == null) {
            throw PlatformException.invalid("eligible", "Say whether the person is eligible: true or false.");
        }
        if (basis == null) {
            throw PlatformException.invalid("basis", "Give the basis of the decision, one of " + java.util.Arrays.toString(EligibilityBasis.values()) + ".");
        }
        if (basis == EligibilityBasis.LOCAL_CRITERIA && (localCriteria == null || localCriteria.isBlank())) {
            throw PlatformException.invalid("localCriteria", "Name the local criteria that were applied.");
        }
        if (reasons == null || reasons.isBlank()) {
            throw PlatformException.invalid("reasons", eligible
                    ? "Record the reasons for the decision."
                    : "Record the reasons the person is not eligible; they have a right to know why.");
        }
    }
}
