package org.almoner.engine.fhir;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code almoner fhir-import}: converts FHIR R4 Bundles into activity and diagnoses CSV files. */
@Command(
        name = "fhir-import",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Convert FHIR R4 Bundles (JSON) into Almoner's activity and diagnoses formats, to check or edit",
            "before a pipeline run. (The pipeline also converts an input folder's fhir/ bundles by itself.)",
            "",
            "Encounters, MedicationRequests and Procedures become activity rows; Claims and",
            "ExplanationOfBenefits give their encounter's cost; Conditions become diagnoses. Other resource",
            "types are counted and skipped. docs/fhir-mapping.md gives the mapping field by field.",
        },
        footer = {"", "Example:", "  almoner fhir-import --in exports/fhir --out converted",
            "  (writes converted/activity/fhir.csv and converted/diagnoses-fhir.csv)"})
public final class FhirImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FOLDER", description = "Folder of FHIR R4 Bundle .json files.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "Folder to write the CSV files into.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(output.resolve("activity").resolve("fhir.csv"))) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, output.resolve("activity").resolve("fhir.csv")
                    + " already exists; choose another --out folder or remove it.");
        }
        Files.createDirectories(output.resolve("activity"));
        FhirImportResult result = new FhirImport().convert(input, output.resolve("activity").resolve("fhir.csv"),
                output.resolve("diagnoses-fhir.csv"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.UK, "Read %d bundle file(s): %s.%n", result.files(), result.resourcesRead());
        out.printf(Locale.UK, "Wrote %,d activity rows to %s and %,d diagnoses to %s.%n", result.activityRows(),
                output.resolve("activity").resolve("fhir.csv"), result.diagnosisRows(), output.resolve("diagnoses-fhir.csv"));
        if (!result.skipped().isEmpty()) {
            out.printf(Locale.UK, "Skipped %,d resources:%n", result.skippedResources());
            result.skipped().forEach((reason, count) -> out.printf(Locale.UK, "  %,8d  %s%n", count, reason));
        }
        return 0;
    }
}
