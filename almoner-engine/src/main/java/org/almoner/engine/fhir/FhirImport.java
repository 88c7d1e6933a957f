package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.InputFile;

/**
 * Converts a folder of FHIR R4 files into an activity CSV and a diagnoses CSV in the input formats
 * ({@link InputFile#ACTIVITY}, {@link InputFile#DIAGNOSES}). Reads every {@code *.json} Bundle and
 * every {@code *.ndjson} file of resources in the folder (not its sub-folders), in name order.
 * The mapping is documented in docs/fhir-mapping.md.
 *
 * <p>A {@link FhirContext} is expensive to create: make one import, or share one context, and use
 * it for many conversions. Each conversion keeps its own state, so an instance may be shared.
 */
public final class FhirImport {

    private final FhirContext context;

    /** An import with its own R4 context. */
    public FhirImport() {
        this(FhirContext.forR4());
    }

    /** An import using a shared R4 context. */
    public FhirImport(FhirContext context) {
        this.context = requireNonNull(context, "context is null");
        if (context.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException("FHIR import needs an R4 context, got " + context.getVersion().getVersion());
        }
    }

    /**
     * Converts every FHIR file in {@code fhirDirectory}. Both outputs are written whole (through a
     * temporary file) and replace any earlier file; each has a header row even when empty.
     *
     * @throws EngineException INPUT_NOT_FOUND when the folder does not exist; MALFORMED_INPUT when a
     *     file is not valid JSON or not a Bundle (nothing is written then); OUTPUT_PROBLEM when an
     *     output cannot be written
     */
    public FhirImportResult convert(Path fhirDirectory, Path activityCsv, Path diagnosesCsv) {
        requireNonNull(fhirDirectory, "fhirDirectory is null");
        requireNonNull(activityCsv, "activityCsv is null");
        requireNonNull(diagnosesCsv, "diagnosesCsv is null");
        List<Path> files = fhirFiles(fhirDirectory);
        FhirFileReader reader = new FhirFileReader(context);
        ImportTally tally = new ImportTally();
        Map<String, String> convertedIn = new HashMap<>();
        try (CsvOutput activity = CsvOutput.open(activityCsv, InputFile.ACTIVITY.columnNames());
                CsvOutput diagnoses = CsvOutput.open(diagnosesCsv, InputFile.DIAGNOSES.columnNames())) {
            for (Path path : files) {
                FhirFile file = reader.read(path);
                tally.startFile(file.fileName());
                FileConversion conversion = new FileConversion(file, tally, convertedIn);
                conversion.run();
                conversion.activityRows().forEach(row -> activity.write(row.values()));
                conversion.diagnosisRows().forEach(row -> diagnoses.write(row.values()));
                tally.endFile();
            }
            activity.commit();
            diagnoses.commit();
        }
        return tally.result();
    }

    private static List<Path> fhirFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The FHIR folder " + directory
                    + " does not exist or is not a folder. Give the folder that holds the FHIR Bundles (*.json).");
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".json") || name.endsWith(".ndjson");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot list the FHIR folder " + directory
                    + " (" + e.getMessage() + "). Check it can be read.", e);
        }
    }
}
