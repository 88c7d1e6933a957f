package org.almoner.platform.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** A sign-in account as the administrator sees it (never with its password). */
public record Account(UUID id, String username, String displayName, Role role, String organisation,
        Optional<UUID> personId, boolean enabled) {

    public Account {
        requireNonNull(id, "id is null");
        requireNonNull(username, "username is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(role, "role is null");
        requireNonNull(organisation, "organisation is null");
        requireNonNull(personId, "personId is null");
    }
}
