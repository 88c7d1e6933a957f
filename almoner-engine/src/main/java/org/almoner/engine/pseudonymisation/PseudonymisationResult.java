package org.almoner.engine.pseudonymisation;

import static java.util.Objects.requireNonNull;

/**
 * What the pseudonymisation stage did.
 *
 * @param people people in the pseudonymised spine
 * @param peopleWithNhsNumber of those, people pseudonymised by a unique NHS number
 * @param peopleWithSharedNhsNumber people whose NHS number another spine record also holds; they are
 *     not linked by it
 * @param sourcePersonIdentifiers distinct source-local person identifiers pseudonymised for records the NHS
 *     number cannot link
 * @param keyFingerprint the public fingerprint of the key used
 */
public record PseudonymisationResult(
        long people, long peopleWithNhsNumber, long peopleWithSharedNhsNumber, long sourcePersonIdentifiers,
        String keyFingerprint) {

    public PseudonymisationResult {
        requireNonNull(keyFingerprint, "keyFingerprint is null");
    }
}
