package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a FHIR import did, accounting for every resource read: each one became an activity row, a
 * diagnoses row, part of another resource's row, a lookup for other resources, or was skipped with
 * a reason. So {@code resourcesRead() == activityRowsWritten + diagnosesWritten + attached + used
 * for reference + skipped}.
 *
 * @param resourcesReadByType resources read, by resource type (entries that could not be read count under their declared type)
 * @param activityRowsWritten activity rows written, one for each converted resource
 * @param diagnosesWritten diagnoses rows written, one for each converted Condition
 * @param attachedToOtherRowsByType resources that became part of another resource's row, not a row of their own:
 *     a Procedure within its Encounter, a Claim or ExplanationOfBenefit whose cost went onto the row it costs
 * @param usedForReferenceByType resources converted rows looked up (Patient, Organization, Practitioner, ...)
 * @param skipped skipped resources, by type and reason
 * @param files counts for each file read, in the order read
 */
public record FhirImportResult(Map<String, Integer> resourcesReadByType, int activityRowsWritten, int diagnosesWritten,
        Map<String, Integer> attachedToOtherRowsByType, Map<String, Integer> usedForReferenceByType,
        List<SkippedResources> skipped, List<FileCounts> files) {

    public FhirImportResult {
        resourcesReadByType = sortedCopy(resourcesReadByType, "resourcesReadByType");
        attachedToOtherRowsByType = sortedCopy(attachedToOtherRowsByType, "attachedToOtherRowsByType");
        usedForReferenceByType = sortedCopy(usedForReferenceByType, "usedForReferenceByType");
        skipped = List.copyOf(skipped);
        files = List.copyOf(files);
        if (activityRowsWritten < 0 || diagnosesWritten < 0) {
            throw new IllegalArgumentException("row counts cannot be negative");
        }
    }

    /** All resources read. */
    public int resourcesRead() {
        return resourcesReadByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** All resources skipped. */
    public int skippedCount() {
        return skipped.stream().mapToInt(SkippedResources::count).sum();
    }

    /** Skipped resources by type, summed over reasons. */
    public Map<String, Integer> skippedByType() {
        Map<String, Integer> byType = new TreeMap<>();
        skipped.forEach(skip -> byType.merge(skip.resourceType(), skip.count(), Integer::sum));
        return Collections.unmodifiableMap(byType);
    }

    /**
     * Resources of one type skipped for one reason.
     *
     * @param firstExample where the first one is: file, line and resource id
     */
    public record SkippedResources(String resourceType, String reason, int count, String firstExample) {

        public SkippedResources {
            requireNonNull(resourceType, "resourceType is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(firstExample, "firstExample is null");
            if (count <= 0) {
                throw new IllegalArgumentException("count must be positive: " + count);
            }
        }
    }

    /** What came of one file. */
    public record FileCounts(String fileName, int resourcesRead, int activityRows, int diagnosisRows, int skipped) {

        public FileCounts {
            requireNonNull(fileName, "fileName is null");
        }
    }

    private static Map<String, Integer> sortedCopy(Map<String, Integer> map, String name) {
        return Collections.unmodifiableMap(new TreeMap<>(requireNonNull(map, name + " is null")));
    }
}
