package org.almoner.platform.plans;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * A person's care and support plan: the draft being worked on, and the latest agreed version.
 *
 * @param agreedVersions how many versions have been agreed (every one is kept)
 */
public record Plan(UUID id, UUID personId, PlanContent draft, int agreedVersions, Optional<PlanVersion> latestAgreed) {

    public Plan {
        requireNonNull(id, "id is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(draft, "draft is null");
        requireNonNull(latestAgreed, "latestAgreed is null");
    }
}
