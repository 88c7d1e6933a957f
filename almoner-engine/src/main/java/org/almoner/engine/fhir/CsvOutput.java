package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A CSV file written whole or not at all: rows go to a temporary file beside the target, which
 * {@link #commit()} moves into place; closing without committing deletes it. UTF-8, comma
 * separated, fields quoted with double quotes when they hold a comma, quote or line break.
 */
final class CsvOutput implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final BufferedWriter writer;
    private boolean committed;

    private CsvOutput(Path target, Path temporary, BufferedWriter writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    static CsvOutput open(Path target, List<String> header) {
        requireNonNull(target, "target is null");
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            CsvOutput output = new CsvOutput(absolute, temporary, Files.newBufferedWriter(temporary, StandardCharsets.UTF_8));
            output.write(header);
            return output;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            throw cannotWrite(absolute, e);
        }
    }

    void write(List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(quoted(values.get(i)));
            }
            writer.write('\n');
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** Moves the finished file into place, replacing any earlier one. */
    void commit() {
        try {
            writer.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // Abandoning the file anyway; the delete below is what matters.
        }
        deleteQuietly(temporary);
    }

    static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A stray temporary file is untidy but harmless; the real error is already on its way.
        }
    }

    private static EngineException cannotWrite(Path target, Exception e) {
        return new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot write " + target + " (" + e.getMessage()
                + "). Check the output folder exists, has space and that you may write to it.", e);
    }
}
