package org.almoner.spark;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;

/**
 * What to run the Spark pipeline on.
 *
 * @param input the input folder, as a Hadoop path (a local folder, {@code hdfs://}, {@code s3a://}, ...):
 *     people.csv, diagnoses.csv, condition_registers.csv and activity/*.csv
 * @param output the folder to publish to, as a Hadoop path; it must not exist unless {@code replaceOutput}
 * @param reference the reference data folder on the driver's file system, or null for the bundled sample
 * @param key the pseudonymisation key
 * @param asOf the date the data is judged at (ages, timeliness, dates in the future)
 * @param timelinessDays a record is timely when it reached its source within this many days of the activity ending
 * @param replaceOutput whether an existing output folder may be replaced (once the new one is complete)
 * @param cohortDefinitions a cohort definition file on the driver (as for {@code almoner cohort --definitions}),
 *     or null for the built-in cohorts
 * @param statementRules statement rules on the driver (YAML, as for {@code almoner statement --rules}), or null for the
 *     built-in rules
 */
public record SparkRequest(String input, String output, Path reference, PseudonymisationKey key, LocalDate asOf,
        int timelinessDays, boolean replaceOutput, Path cohortDefinitions, Path statementRules) {

    public SparkRequest {
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(key, "key is null");
        requireNonNull(asOf, "asOf is null");
        if (timelinessDays < 1) {
            throw new IllegalArgumentException("timelinessDays must be at least 1, got " + timelinessDays);
        }
    }
}
