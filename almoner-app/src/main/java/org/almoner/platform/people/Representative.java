package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.problems.PlatformErrorCode;
import org.almoner.platform.problems.PlatformException;

/**
 * Someone who acts for the person: a representative (a parent of a child, a deputy, an attorney)
 * or a nominee who manages a direct payment for them. One who stopped keeps their record, with its
 * {@code ending}.
 *
 * @param accountId the sign-in account through which they see the person's record, if any (while current)
 * @param addedAt when they started acting for the person
 * @param ending when and why they stopped, if they have
 */
public record Representative(UUID id, UUID personId, Kind kind, String name, String relationship,
        Optional<String> contact, Optional<UUID> accountId, Instant addedAt, Optional<RelationshipEnding> ending) {

    public enum Kind { REPRESENTATIVE, NOMINEE }

    public Representative {
        requireNonNull(id, "id is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(relationship, "relationship is null");
        requireNonNull(contact, "contact is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(addedAt, "addedAt is null");
        requireNonNull(ending, "ending is null");
    }

    /** Whether they still act for the person. */
    public boolean current() {
        return ending.isEmpty();
    }

    /** This representative, stopped; one who already stopped cannot stop again. */
    Representative end(RelationshipEnding stopping) {
        requireNonNull(stopping, "stopping is null");
        if (!current()) {
            throw new PlatformException(PlatformErrorCode.RELATIONSHIP_ALREADY_ENDED, "representativeId",
                    name + " already stopped acting for the person (" + ending.get().reason()
                            + "). There is nothing to remove; to have them act again, add them again.");
        }
        return new Representative(id, personId, kind, name, relationship, contact, accountId, addedAt, Optional.of(stopping));
    }
}
