package org.almoner.engine.pseudonymisation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * The secret behind a set of pseudonyms. Its text is at least 32 characters; it never appears in
 * {@link #toString()}, logs or outputs.
 */
public final class PseudonymisationKey {

    /** The environment variable a key may be given in. */
    public static final String ENVIRONMENT_VARIABLE = "ALMONER_PSEUDONYMISATION_KEY";

    static final int MINIMUM_LENGTH = 32;

    private final byte[] secret;

    private PseudonymisationKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** A key from its text (trimmed), which must be at least 32 characters. */
    public static PseudonymisationKey of(String text, String whereFrom) {
        requireNonNull(text, "text is null");
        String trimmed = text.strip();
        if (trimmed.length() < MINIMUM_LENGTH) {
            throw new EngineException(EngineErrorCode.KEY_PROBLEM, "The pseudonymisation key from " + whereFrom + " is "
                    + trimmed.length() + " characters long; it must be at least " + MINIMUM_LENGTH
                    + ". Make one with 'almoner key --out FILE' (64 random hexadecimal characters).");
        }
        return new PseudonymisationKey(trimmed.getBytes(UTF_8));
    }

    /** Reads a key from a file holding the key's text and nothing else. */
    public static PseudonymisationKey fromFile(Path file) {
        try {
            return of(Files.readString(file, UTF_8), "the file " + file);
        } catch (NoSuchFileException e) {
            throw new EngineException(EngineErrorCode.KEY_PROBLEM, "The pseudonymisation key file " + file
                    + " does not exist. Give the path of the key agreed for this data-sharing agreement, or make one with"
                    + " 'almoner key --out " + file + "'.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.KEY_PROBLEM, "Could not read the pseudonymisation key file " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key from a file if one is named, else from {@value #ENVIRONMENT_VARIABLE}; fails with a
     * message saying how to give one when neither is there.
     */
    public static PseudonymisationKey fromFileOrEnvironment(Path file, Map<String, String> environment) {
        if (file != null) {
            return fromFile(file);
        }
        String text = environment.get(ENVIRONMENT_VARIABLE);
        if (text == null || text.isBlank()) {
            throw new EngineException(EngineErrorCode.KEY_PROBLEM, "No pseudonymisation key was given. Pass --key-file FILE"
                    + " or set the environment variable " + ENVIRONMENT_VARIABLE
                    + "; make a key with 'almoner key --out FILE'. Use one key per data-sharing agreement.");
        }
        return of(text, "the environment variable " + ENVIRONMENT_VARIABLE);
    }

    /** A new random key as 64 hexadecimal characters (256 bits). */
    public static String newKeyText(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The HMAC-SHA-256 of {@code message} under this key. */
    public byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * A short public name for the key, safe to write beside the data it made: the first 16
     * hexadecimal characters of the HMAC of a fixed label. It tells two keys apart without revealing
     * either.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(hmac("almoner key fingerprint".getBytes(UTF_8))).substring(0, 16);
    }

    /**
     * The inner and outer padded keys of RFC 2104, so that the database can compute the same HMAC as
     * {@link #hmac(byte[])} set-wise. Package-private: only the SQL builder needs them.
     */
    byte[][] paddedKeys() {
        byte[] key = secret.length > 64 ? sha256(secret) : secret;
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte b = i < key.length ? key[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        return new byte[][] {inner, outer};
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PseudonymisationKey key && Arrays.equals(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "PseudonymisationKey[fingerprint=" + fingerprint() + "]";
    }
}
