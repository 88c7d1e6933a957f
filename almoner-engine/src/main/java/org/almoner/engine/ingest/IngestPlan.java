package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.InputFile;

/**
 * The files one run ingests.
 *
 * @param peopleFile people.csv or people.parquet
 * @param diagnosesFile diagnoses.csv or .parquet
 * @param conditionRegistersFile condition_registers.csv or .parquet
 * @param activityFiles every activity file, in the order they are read
 */
public record IngestPlan(Path peopleFile, Path diagnosesFile, Path conditionRegistersFile, List<Path> activityFiles) {

    public IngestPlan {
        requireNonNull(peopleFile, "peopleFile is null");
        requireNonNull(diagnosesFile, "diagnosesFile is null");
        requireNonNull(conditionRegistersFile, "conditionRegistersFile is null");
        activityFiles = List.copyOf(requireNonNull(activityFiles, "activityFiles is null"));
    }

    /** Finds the files of an input folder, failing with a list of what is missing. */
    public static IngestPlan fromDirectory(Path folder) {
        requireNonNull(folder, "folder is null");
        if (!Files.isDirectory(folder)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The input folder " + folder + " does not exist"
                    + (Files.exists(folder) ? " as a folder (it is a file)" : "") + ". Give the folder holding people.csv,"
                    + " diagnoses.csv, condition_registers.csv and activity/ (see docs/formats.md).");
        }
        List<String> missing = new ArrayList<>();
        Optional<Path> people = find(folder, InputFile.PEOPLE, missing);
        Optional<Path> diagnoses = find(folder, InputFile.DIAGNOSES, missing);
        Optional<Path> registers = find(folder, InputFile.CONDITION_REGISTERS, missing);
        List<Path> activity = activityFiles(folder.resolve("activity"));
        if (activity.isEmpty() && !Files.isDirectory(folder.resolve("fhir"))) {
            missing.add("activity/ with at least one .csv or .parquet file (or fhir/ with FHIR bundles)");
        }
        if (!missing.isEmpty()) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The input folder " + folder + " lacks "
                    + String.join(", ", missing) + ". See docs/formats.md for what each file holds.");
        }
        return new IngestPlan(people.orElseThrow(), diagnoses.orElseThrow(), registers.orElseThrow(), activity);
    }

    /** This plan with more activity files read after the folder's own (for example converted FHIR bundles). */
    public IngestPlan withExtraActivityFiles(List<Path> extra) {
        List<Path> all = new ArrayList<>(activityFiles);
        all.addAll(extra);
        return new IngestPlan(peopleFile, diagnosesFile, conditionRegistersFile, all);
    }

    private static Optional<Path> find(Path folder, InputFile file, List<String> missing) {
        Path csv = folder.resolve(file.baseName() + ".csv");
        Path parquet = folder.resolve(file.baseName() + ".parquet");
        if (Files.isRegularFile(csv) && Files.isRegularFile(parquet)) {
            throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "The input folder " + folder + " has both "
                    + csv.getFileName() + " and " + parquet.getFileName() + "; keep one so it is clear which to read.");
        }
        if (Files.isRegularFile(csv)) {
            return Optional.of(csv);
        }
        if (Files.isRegularFile(parquet)) {
            return Optional.of(parquet);
        }
        missing.add(file.baseName() + ".csv");
        return Optional.empty();
    }

    private static List<Path> activityFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".csv")
                            || file.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
