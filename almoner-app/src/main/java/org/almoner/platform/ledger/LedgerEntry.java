package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A posted ledger transaction.
 *
 * @param sequence its place in the budget's chain, from 1
 * @param hash SHA-256 over the previous hash and this transaction (see {@link HashChain})
 */
public record LedgerEntry(UUID id, UUID budgetId, long sequence, TransactionKind kind, String description, Integer planLine,
        UUID reverses, LocalDate effectiveOn, String recordedBy, Instant recordedAt, List<Posting> postings, String hash) {

    public LedgerEntry {
        requireNonNull(id, "id is null");
        requireNonNull(budgetId, "budgetId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        requireNonNull(effectiveOn, "effectiveOn is null");
        requireNonNull(recordedBy, "recordedBy is null");
        requireNonNull(recordedAt, "recordedAt is null");
        postings = List.copyOf(postings);
        requireNonNull(hash, "hash is null");
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
