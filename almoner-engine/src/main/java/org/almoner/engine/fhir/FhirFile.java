package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The resources read from one FHIR file, and the entries that could not be read. */
record FhirFile(String fileName, List<SourceResource> resources, List<UnreadEntry> unread) {

    FhirFile {
        requireNonNull(fileName, "fileName is null");
        resources = List.copyOf(resources);
        unread = List.copyOf(unread);
    }
}
