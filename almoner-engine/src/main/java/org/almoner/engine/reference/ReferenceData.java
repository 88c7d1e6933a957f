package org.almoner.engine.reference;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.reference.internal.CrossFileChecks;
import org.almoner.engine.reference.internal.ReferenceFile;
import org.almoner.engine.reference.internal.ReferenceFileLoader;

/**
 * The reference data costing needs, checked and loaded into DuckDB tables {@code ref_tariff},
 * {@code ref_market_forces_factor}, {@code ref_reference_costs}, {@code ref_local_costs},
 * {@code ref_unit_costs}, {@code ref_providers}, {@code ref_contracts} and
 * {@code ref_mental_health_cluster_split}. The file layouts and rules are in
 * {@code docs/reference-data.md}.
 *
 * @param directory the folder the files were read from
 * @param rowCounts how many rows each table received, keyed by table name, in load order
 */
public record ReferenceData(Path directory, Map<String, Long> rowCounts) {

    private static final String SAMPLE_RESOURCE = "/org/almoner/engine/reference/sample/";

    public ReferenceData {
        requireNonNull(directory, "directory is null");
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rowCounts, "rowCounts is null")));
    }

    /**
     * Checks every file in {@code directory} and loads it into its {@code ref_} table, replacing
     * any earlier load. Throws {@link EngineException} with code {@code BAD_REFERENCE_DATA} naming the
     * file, line and column of the first problem found.
     */
    public static ReferenceData load(Connection duckdb, Path directory) {
        requireNonNull(duckdb, "duckdb is null");
        requireNonNull(directory, "directory is null");
        if (!Files.isDirectory(directory)) {
            throw new EngineException(EngineErrorCode.BAD_REFERENCE_DATA, "The reference data folder " + directory
                    + " does not exist. Point --reference at a folder holding the reference data files, or leave it out"
                    + " to use the bundled sample.");
        }
        ReferenceFileLoader loader = new ReferenceFileLoader(duckdb);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReferenceFile file : ReferenceFile.values()) {
            counts.put(file.tableName(), loader.load(file, directory));
        }
        new CrossFileChecks(duckdb).check(directory);
        return new ReferenceData(directory, counts);
    }

    /**
     * Copies the sample reference data bundled in the engine into {@code targetDirectory} (created
     * if needed; existing files of the same names are replaced) and returns that directory.
     */
    public static Path extractBundledSample(Path targetDirectory) {
        requireNonNull(targetDirectory, "targetDirectory is null");
        try {
            Files.createDirectories(targetDirectory);
            for (ReferenceFile file : ReferenceFile.values()) {
                Path target = targetDirectory.resolve(file.fileName());
                Path temporary = Files.createTempFile(targetDirectory, "." + file.fileName(), ".tmp");
                try (InputStream in = ReferenceData.class.getResourceAsStream(SAMPLE_RESOURCE + file.fileName())) {
                    if (in == null) {
                        throw new EngineException(EngineErrorCode.INTERNAL, "The bundled sample reference file "
                                + file.fileName() + " is missing from the engine jar; rebuild the engine.");
                    }
                    Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return targetDirectory;
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not copy the sample reference data to "
                    + targetDirectory + ": " + e.getMessage() + ". Check the folder can be written to.", e);
        }
    }
}
