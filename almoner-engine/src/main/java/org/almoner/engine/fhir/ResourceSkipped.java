package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

/**
 * A resource that cannot become a row, with the plain-English reason. Thrown by the converters and
 * caught per resource, so one bad resource is counted and skipped instead of failing the file.
 */
final class ResourceSkipped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResourceSkipped(String reason) {
        // No stack trace: this is an expected outcome for bad data, not a fault.
        super(requireNonNull(reason, "reason is null"), null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
