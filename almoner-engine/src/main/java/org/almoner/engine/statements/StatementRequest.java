package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.stratification.PipelineOutput;

/**
 * What {@code almoner statement} is asked to do.
 *
 * @param pipeline       the pipeline output folder
 * @param stratification an {@code almoner stratify} output to read, or null to stratify now
 * @param cohorts        an {@code almoner cohort} output to read, or null to find the built-in cohorts now
 * @param rules          statement rules (YAML), or null for the built-in rules
 * @param needsAssessments recorded needs assessments (CSV), or null to use the rules' stand-in
 * @param reference      a reference data folder for provider names, or null for the sample
 * @param cohortIds      cohorts to write statements for; empty for every cohort
 * @param people         pseudonyms to write letters for
 * @param output         the folder to write
 * @param replace        whether an existing output folder may be replaced
 * @param settings       database threads and memory
 */
public record StatementRequest(PipelineOutput pipeline, Path stratification, Path cohorts, Path rules, Path needsAssessments, Path reference,
        List<String> cohortIds, List<String> people, Path output, boolean replace, DuckDbSettings settings) {

    public StatementRequest {
        requireNonNull(pipeline, "pipeline is null");
        cohortIds = List.copyOf(cohortIds);
        people = List.copyOf(people);
        requireNonNull(output, "output is null");
        requireNonNull(settings, "settings is null");
    }
}
