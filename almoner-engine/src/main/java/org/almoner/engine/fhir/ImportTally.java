package org.almoner.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts what became of each resource while an import runs, file by file. */
final class ImportTally {

    private record SkipKey(String resourceType, String reason) {
    }

    private static final class SkipCount {
        private int count;
        private final String firstExample;

        SkipCount(String firstExample) {
            this.firstExample = firstExample;
        }
    }

    private final Map<String, Integer> read = new TreeMap<>();
    private final Map<String, Integer> attached = new TreeMap<>();
    private final Map<String, Integer> reference = new TreeMap<>();
    private final Map<SkipKey, SkipCount> skipped = new LinkedHashMap<>();
    private final List<FhirImportResult.FileCounts> files = new ArrayList<>();
    private int activityRows;
    private int diagnosisRows;

    private String fileName;
    private int fileRead;
    private int fileActivityRows;
    private int fileDiagnosisRows;
    private int fileSkipped;

    void startFile(String name) {
        fileName = name;
        fileRead = 0;
        fileActivityRows = 0;
        fileDiagnosisRows = 0;
        fileSkipped = 0;
    }

    void endFile() {
        files.add(new FhirImportResult.FileCounts(fileName, fileRead, fileActivityRows, fileDiagnosisRows, fileSkipped));
    }

    void read(String resourceType) {
        read.merge(resourceType, 1, Integer::sum);
        fileRead++;
    }

    void activityRow() {
        activityRows++;
        fileActivityRows++;
    }

    void diagnosisRow() {
        diagnosisRows++;
        fileDiagnosisRows++;
    }

    void attached(String resourceType) {
        attached.merge(resourceType, 1, Integer::sum);
    }

    void usedForReference(String resourceType) {
        reference.merge(resourceType, 1, Integer::sum);
    }

    void skipped(String resourceType, String reason, String where) {
        skipped.computeIfAbsent(new SkipKey(resourceType, reason), key -> new SkipCount(where)).count++;
        fileSkipped++;
    }

    FhirImportResult result() {
        List<FhirImportResult.SkippedResources> skips = skipped.entrySet().stream()
                .map(entry -> new FhirImportResult.SkippedResources(entry.getKey().resourceType(), entry.getKey().reason(),
                        entry.getValue().count, entry.getValue().firstExample))
                .toList();
        return new FhirImportResult(read, activityRows, diagnosisRows, attached, reference, skips, files);
    }
}
