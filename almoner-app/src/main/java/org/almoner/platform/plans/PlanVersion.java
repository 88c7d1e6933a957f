package org.almoner.platform.plans;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An agreed version of a plan, never changed once agreed.
 *
 * @param counts true when all five criteria of handbook 2.3.4 hold
 */
public record PlanVersion(UUID planId, UUID personId, int version, PlanContent content, BigDecimal totalAnnualCost,
        boolean counts, LocalDate agreedOn, String recordedBy) {

    public PlanVersion {
        requireNonNull(planId, "planId is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(content, "content is null");
        requireNonNull(totalAnnualCost, "totalAnnualCost is null");
        requireNonNull(agreedOn, "agreedOn is null");
        requireNonNull(recordedBy, "recordedBy is null");
    }
}
