package org.almoner.engine.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A hidden scratch folder beside the output for the DuckDB work database and its spill files;
 * removed when the run ends, whatever happened. It sits beside the output, not in /tmp, because the
 * work database is as large as the data and /tmp is often small.
 */
final class WorkFolder implements AutoCloseable {

    private final Path path;

    private WorkFolder(Path path) {
        this.path = path;
    }

    static WorkFolder beside(Path output) {
        Path parent = output.toAbsolutePath().normalize().getParent();
        try {
            Files.createDirectories(parent);
            Path path = Files.createTempDirectory(parent, "." + output.getFileName() + ".work-");
            Files.createDirectories(path.resolve("spill"));
            return new WorkFolder(path);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot create a work folder beside " + output
                    + ": " + e.getMessage() + ". Check there is space and you may write there.", e);
        }
    }

    Path path() {
        return path;
    }

    Path database() {
        return path.resolve("work.duckdb");
    }

    Path spill() {
        return path.resolve("spill");
    }

    @Override
    public void close() {
        PublishedFolder.deleteRecursively(path);
    }
}
