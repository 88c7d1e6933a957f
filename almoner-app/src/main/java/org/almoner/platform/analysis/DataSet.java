package org.almoner.platform.analysis;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A folder an analysis can run on: a pipeline output, or pipeline input (the pipeline runs first).
 *
 * @param name   the folder's name, as the page offers it
 * @param folder where it is
 * @param input  true for pipeline input (people.csv and activity), false for a pipeline output
 */
public record DataSet(String name, Path folder, boolean input) {

    public DataSet {
        requireNonNull(name, "name is null");
        requireNonNull(folder, "folder is null");
    }

    /** What the folder is, in words. */
    public String kind() {
        return input ? "input data: the pipeline runs first, then the analysis" : "pipeline output: the analysis runs on it";
    }
}
