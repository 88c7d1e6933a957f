package org.almoner.engine.fhir;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner fhir-import}: converts a folder of FHIR R4 Bundles into activity and diagnoses files. */
@Command(
        name = "fhir-import",
        header = "Convert FHIR R4 bundles to the activity format.",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Convert FHIR R4 Bundles (*.json) and NDJSON resource files (*.ndjson) into the activity format.",
            "Writes OUT/activity/fhir.csv and OUT/diagnoses-fhir.csv, then prints what became of every resource.",
            "docs/fhir-mapping.md describes how each resource maps to a row.",
        })
public final class FhirImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder holding the FHIR files.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Input folder to write activity/fhir.csv and diagnoses-fhir.csv into.")
    Path out;

    @Override
    public Integer call() {
        Path activity = out.resolve("activity").resolve("fhir.csv");
        Path diagnoses = out.resolve("diagnoses-fhir.csv");
        FhirImportResult result = new FhirImport().convert(in, activity, diagnoses);
        print(result, activity, diagnoses, spec.commandLine().getOut());
        return 0;
    }

    static void print(FhirImportResult result, Path activity, Path diagnoses, PrintWriter out) {
        if (result.files().isEmpty()) {
            out.println("No FHIR files (*.json, *.ndjson) found; wrote empty files with header rows only.");
        }
        out.printf("Read %,d resources from %,d files.%n", result.resourcesRead(), result.files().size());
        for (FhirImportResult.FileCounts file : result.files()) {
            out.printf("  %s: %,d resources, %,d activity rows, %,d diagnoses, %,d skipped%n", file.fileName(),
                    file.resourcesRead(), file.activityRows(), file.diagnosisRows(), file.skipped());
        }
        printByType(out, "Resources read by type:", result.resourcesReadByType());
        out.printf("Wrote %,d activity rows to %s%n", result.activityRowsWritten(), activity);
        out.printf("Wrote %,d diagnoses to %s%n", result.diagnosesWritten(), diagnoses);
        printByType(out, "Part of another resource's row (not counted twice):", result.attachedToOtherRowsByType());
        printByType(out, "Used for reference only:", result.usedForReferenceByType());
        if (result.skipped().isEmpty()) {
            out.println("Skipped: none.");
        } else {
            out.printf("Skipped %,d resources:%n", result.skippedCount());
            for (FhirImportResult.SkippedResources skip : result.skipped()) {
                out.printf("  %,d %s: %s (first: %s)%n", skip.count(), skip.resourceType(), skip.reason(),
                        skip.firstExample());
            }
        }
        out.flush();
    }

    private static void printByType(PrintWriter out, String title, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.println(title);
        counts.forEach((type, count) -> out.printf("  %-28s %,d%n", type, count));
    }
}
