package org.almoner.platform.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in caller.
 *
 * @param accountId the account
 * @param personId for a budget holder, the person they are; empty for staff
 */
public record Actor(UUID accountId, String username, Role role, String organisation, Optional<UUID> personId) {

    public Actor {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(username, "username is null");
        requireNonNull(role, "role is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(personId, "personId is null");
    }

    public boolean is(Role... roles) {
        for (Role candidate : roles) {
            if (candidate == role) {
                return true;
            }
        }
        return false;
    }
}
