package org.almoner.platform.ledger;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.almoner.platform.problems.PlatformException;

/** A receipt for direct payment spend: a picture or a PDF, kept with its SHA-256. */
public record Evidence(String fileName, String contentType, byte[] content) {

    private static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png", "image/heic", "image/webp");
    private static final int MOST_BYTES = 10 * 1024 * 1024;

    public Evidence {
        requireNonNull(content, "content is null");
        if (fileName == null || fileName.isBlank()) {
            fileName = "receipt";
        }
        if (contentType == null || !ACCEPTED.contains(contentType)) {
            throw PlatformException.invalid("receipt", "A receipt must be a PDF or a photo (JPEG, PNG, HEIC or WebP), not " + contentType + ".");
        }
        if (content.length == 0 || content.length > MOST_BYTES) {
            throw PlatformException.invalid("receipt", "A receipt must be between 1 byte and 10 MB; this one is " + content.length + " bytes.");
        }
    }

    String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
