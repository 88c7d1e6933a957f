package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * Someone who acts for the person: a representative (a parent of a child, a deputy, an attorney)
 * or a nominee who manages a direct payment for them.
 *
 * @param accountId the sign-in account through which they see the person's record, if any
 */
public record Representative(UUID id, UUID personId, Kind kind, String name, String relationship,
        Optional<String> contact, Optional<UUID> accountId) {

    public enum Kind { REPRESENTATIVE, NOMINEE }

    public Representative {
        requireNonNull(id, "id is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(relationship, "relationship is null");
        requireNonNull(contact, "contact is null");
        requireNonNull(accountId, "accountId is null");
    }
}
