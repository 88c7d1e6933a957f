package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a FHIR import read and wrote.
 *
 * @param files bundle files read
 * @param resourcesRead resources read, by type
 * @param activityRows activity rows written
 * @param diagnosisRows diagnosis rows written
 * @param skipped resources not turned into a row, by reason, with counts (unknown types are counted here)
 */
public record FhirImportResult(int files, Map<String, Long> resourcesRead, long activityRows, long diagnosisRows,
        Map<String, Long> skipped) {

    public FhirImportResult {
        resourcesRead = new TreeMap<>(requireNonNull(resourcesRead, "resourcesRead is null"));
        skipped = new TreeMap<>(requireNonNull(skipped, "skipped is null"));
    }

    public long skippedResources() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
