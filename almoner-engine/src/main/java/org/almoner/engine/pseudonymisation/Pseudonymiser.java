package org.almoner.engine.pseudonymisation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.HexFormat;
import org.almoner.engine.stages.SqlDialect;

/**
 * Turns identifiers into pseudonyms: the first 128 bits of HMAC-SHA-256(key, domain + ":" + value),
 * as 32 hexadecimal characters.
 *
 * <p>The domain keeps kinds of identifier apart, so an NHS number and a council's client number that
 * happen to share digits never share a pseudonym. Truncating to 128 bits (RFC 2104 allows truncation
 * to half the output) keeps tables small while collisions stay negligible at national scale.
 *
 * <p>The same function exists twice: {@link #pseudonym} in Java for single values and
 * {@link #sqlExpression} for the database to apply to millions of rows; a test holds them equal.
 */
public final class Pseudonymiser {

    /** Pseudonym length in hexadecimal characters. */
    public static final int LENGTH = 32;

    private final PseudonymisationKey key;

    public Pseudonymiser(PseudonymisationKey key) {
        this.key = requireNonNull(key, "key is null");
    }

    public String pseudonym(String domain, String value) {
        requireNonNull(domain, "domain is null");
        requireNonNull(value, "value is null");
        byte[] hmac = key.hmac((domain + ":" + value).getBytes(UTF_8));
        return HexFormat.of().formatHex(hmac).substring(0, LENGTH);
    }

    /**
     * A SQL expression (DuckDB and Spark SQL) giving the same pseudonym as {@link #pseudonym} for the
     * text column or expression {@code valueSql}, NULL when it is NULL. The padded keys appear in
     * the SQL text, so this SQL must never be logged.
     */
    public String sqlExpression(String domain, String valueSql) {
        return sqlExpression(domain, valueSql, SqlDialect.DUCKDB);
    }

    /** {@link #sqlExpression(String, String)} in the given engine's dialect. */
    public String sqlExpression(String domain, String valueSql, SqlDialect dialect) {
        requireNonNull(dialect, "dialect is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(valueSql, "valueSql is null");
        if (!domain.matches("[a-z_]+")) {
            throw new IllegalArgumentException("domain must be lower-case letters: " + domain);
        }
        byte[][] padded = key.paddedKeys();
        String inner = HexFormat.of().formatHex(padded[0]);
        String outer = HexFormat.of().formatHex(padded[1]);
        String message = dialect.utf8Bytes("'" + domain + ":' || (" + valueSql + ")");
        return "substr(" + dialect.sha256Hex("unhex('" + outer + "') || unhex(" + dialect.sha256Hex("unhex('" + inner + "') || "
                + message) + ")") + ", 1, " + LENGTH + ")";
    }

    /**
     * The pseudonym the linked data set gives a person of the spine: from their NHS number when they
     * have one (and no one else in the spine holds it), otherwise from their spine identifier. The
     * platform uses it to link a person it supports to their analytics record.
     */
    public String spinePseudonym(String nhsNumber, String spinePersonId) {
        return nhsNumber != null && !nhsNumber.isBlank()
                ? pseudonym(Pseudonymisation.NHS_NUMBER_DOMAIN, nhsNumber)
                : pseudonym(Pseudonymisation.PERSON_DOMAIN, requireNonNull(spinePersonId, "spinePersonId is null"));
    }

    public String keyFingerprint() {
        return key.fingerprint();
    }
}
