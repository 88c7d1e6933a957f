package org.almoner.engine;

import static java.util.Objects.requireNonNull;

/**
 * A failure the user can act on. The message says where (file, line, column; field; record) and
 * what to do; the command line prints it without a stack trace.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final EngineErrorCode code;

    public EngineException(EngineErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public EngineException(EngineErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public EngineErrorCode code() {
        return code;
    }
}
