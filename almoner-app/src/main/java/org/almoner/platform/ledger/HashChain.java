package org.almoner.platform.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The hash chain over one budget's transactions: each transaction's hash covers the previous hash
 * and everything the transaction says, so changing or removing any posted transaction breaks every
 * hash after it.
 */
final class HashChain {

    /** The hash before a budget's first transaction. */
    static final byte[] START = new byte[32];

    /** Copied for each hash: looking the algorithm up among the security providers cost more than hashing. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private HashChain() {}

    static byte[] next(byte[] previous, UUID transactionId, UUID budgetId, long sequence, TransactionKind kind, LocalDate effectiveOn,
            UUID reverses, List<Posting> postings) {
        MessageDigest sha256;
        try {
            // A fresh copy of the untouched prototype, so concurrent payments never share a digest's state.
            sha256 = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException("SHA-256 digests can be copied", impossible);
        }
        sha256.update(previous);
        StringBuilder text = new StringBuilder()
                .append(transactionId).append('|').append(budgetId).append('|').append(sequence).append('|').append(kind)
                .append('|').append(effectiveOn).append('|').append(reverses);
        // Postings in a fixed order, so the hash depends on what was posted, not on the order rows come back.
        postings.stream()
                .sorted(Comparator.comparing((Posting posting) -> posting.kind().name())
                        .thenComparing(posting -> posting.party() == null ? "" : posting.party())
                        .thenComparing(Posting::amount))
                .forEach(posting -> text.append('|').append(posting.kind()).append(':').append(posting.party()).append(':')
                        .append(posting.amount().toPlainString()));
        sha256.update(text.toString().getBytes(UTF_8));
        return sha256.digest();
    }
}
