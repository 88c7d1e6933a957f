package org.almoner.engine.stratification;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * A folder written by {@code almoner pipeline}, checked to hold the files that stratification, cohorts and
 * statements read. Views over the files are named {@code pipeline_people}, {@code pipeline_diagnoses},
 * {@code pipeline_registers}, {@code pipeline_activity} and {@code pipeline_summary}.
 *
 * @param folder the pipeline's output folder
 */
public record PipelineOutput(Path folder) {

    private static final Map<String, String> VIEWS = views();

    /** Checks the folder holds every file needed; the message names the first missing file and what to do. */
    public PipelineOutput {
        requireNonNull(folder, "folder is null");
        if (!Files.isDirectory(folder)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The pipeline output folder " + folder
                    + " does not exist. Give the folder that `almoner pipeline --out` wrote.");
        }
        java.util.List<String> missing = VIEWS.values().stream().filter(file -> !Files.isRegularFile(folder.resolve(file))).toList();
        if (!missing.isEmpty()) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The pipeline output folder " + folder
                    + " has no " + String.join(", ", missing) + ". Give a folder written by `almoner pipeline` (run the"
                    + " pipeline again if files were removed).");
        }
    }

    /** Creates (or replaces) the views over the pipeline's files on {@code connection}. */
    public void createViews(Connection connection) {
        createViews(connection, "");
    }

    /**
     * Creates the same views holding no rows, so that the shape of what is worked out from them (the fields a cohort
     * rule may use) is known in moments, before any real work.
     */
    public void createEmptyViews(Connection connection) {
        createViews(connection, " LIMIT 0");
    }

    private void createViews(Connection connection, String limit) {
        VIEWS.forEach((view, file) -> Sql.execute(connection, "CREATE OR REPLACE VIEW " + view
                + " AS SELECT * FROM read_parquet(" + DuckDb.literal(folder.resolve(file).toAbsolutePath().toString()) + ")" + limit));
    }

    private static Map<String, String> views() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("pipeline_people", "linked/people.parquet");
        views.put("pipeline_diagnoses", "linked/diagnoses.parquet");
        views.put("pipeline_registers", "linked/condition_registers.parquet");
        views.put("pipeline_activity", "linked/activity.parquet");
        views.put("pipeline_summary", "summary/person_year_summary.parquet");
        return java.util.Collections.unmodifiableMap(views);
    }
}
