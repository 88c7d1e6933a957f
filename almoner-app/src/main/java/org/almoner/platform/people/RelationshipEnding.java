package org.almoner.platform.people;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.almoner.platform.problems.PlatformException;

/**
 * When and why someone stopped acting for a person or working with them, and who recorded it. The
 * relationship is kept with its ending, so who could see the record, and when, stays answerable.
 *
 * @param endedAt the moment it ended: access stops then
 * @param reason why, in the budget team's words (a nominee stepped down, a lasting power of attorney revoked)
 * @param endedBy the username of who recorded it
 */
public record RelationshipEnding(Instant endedAt, String reason, String endedBy) {

    static final int LONGEST_REASON = 500;

    public RelationshipEnding {
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(endedBy, "endedBy is null");
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason",
                    "Say why this is ending, for example 'the nominee stepped down' or 'lasting power of attorney revoked'.");
        }
        reason = reason.strip();
        if (reason.length() > LONGEST_REASON) {
            throw PlatformException.invalid("reason", "The reason is longer than " + LONGEST_REASON + " characters. Shorten it.");
        }
    }
}
