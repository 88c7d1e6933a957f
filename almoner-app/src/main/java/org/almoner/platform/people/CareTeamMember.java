package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Role;

/**
 * A colleague's spell in a person's care team (their caseload): from joining until, if they have
 * left, their {@code ending}. A colleague who rejoins has a new spell.
 */
public record CareTeamMember(UUID accountId, String username, String displayName, Role role, Instant addedAt,
        Optional<RelationshipEnding> ending) {

    public CareTeamMember {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(username, "username is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(role, "role is null");
        requireNonNull(addedAt, "addedAt is null");
        requireNonNull(ending, "ending is null");
    }

    /** Whether they are in the care team now. */
    public boolean current() {
        return ending.isEmpty();
    }
}
