package org.almoner.platform.problems;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A refusal the caller can act on: a stable code, a plain-English message saying what is wrong
 * and what to do, and where relevant the request field at fault.
 */
public final class PlatformException extends RuntimeException {

    private final PlatformErrorCode code;
    private final String field;

    public PlatformException(PlatformErrorCode code, String message) {
        this(code, null, message);
    }

    public PlatformException(PlatformErrorCode code, String field, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
        this.field = field;
    }

    /** A refusal naming the request field at fault. */
    public static PlatformException invalid(String field, String message) {
        return new PlatformException(PlatformErrorCode.INVALID_REQUEST, field, message);
    }

    public PlatformErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
