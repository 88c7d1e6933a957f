package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

/**
 * A Bundle entry or NDJSON line that could not be read as an R4 resource (an unknown resource type,
 * content HAPI rejects, an entry without a resource); it is counted and skipped, never fatal.
 */
record UnreadEntry(String fileName, long line, String resourceType, String id, String reason) {

    UnreadEntry {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(id, "id is null");
        requireNonNull(reason, "reason is null");
    }

    String location() {
        return fileName + " line " + line + (id.isBlank() ? "" : " (" + resourceType + "/" + id + ")");
    }
}
