package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import org.hl7.fhir.r4.model.Resource;

/**
 * One resource read from a FHIR file, with where it came from.
 *
 * @param fileName the file's name, for messages
 * @param line the line the resource (or its Bundle entry) starts on
 * @param fullUrl the Bundle entry's fullUrl, or empty
 * @param resource the parsed resource
 */
record SourceResource(String fileName, long line, String fullUrl, Resource resource) {

    SourceResource {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(fullUrl, "fullUrl is null");
        requireNonNull(resource, "resource is null");
    }

    String resourceType() {
        return resource.fhirType();
    }

    /** The resource's identity for source_record_id: {@code Type/id}, else the fullUrl, else the place in the file. */
    String recordId() {
        if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
            return resourceType() + "/" + resource.getIdElement().getIdPart();
        }
        if (!fullUrl.isBlank()) {
            return fullUrl;
        }
        return fileName + "#line" + line;
    }

    /** Where the resource is, for skip reasons: file, line and identity. */
    String location() {
        return fileName + " line " + line + " (" + recordId() + ")";
    }
}
