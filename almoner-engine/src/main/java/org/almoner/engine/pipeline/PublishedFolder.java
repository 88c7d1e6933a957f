package org.almoner.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * An output folder that appears whole or not at all. Work goes into a hidden sibling folder on the
 * same file system; {@link #publish()} renames it into place in one step, and {@link #close()}
 * removes whatever was not published, so a failed or interrupted run leaves the target as it was.
 */
public final class PublishedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final boolean replace;
    private boolean published;

    private PublishedFolder(Path target, Path staging, boolean replace) {
        this.target = target;
        this.staging = staging;
        this.replace = replace;
    }

    /**
     * Prepares to publish to {@code target}. Fails before any work if the target exists and is not
     * empty (unless {@code replace}), or if its parent cannot be written.
     */
    public static PublishedFolder prepare(Path target, boolean replace) {
        requireNonNull(target, "target is null");
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !replace && !isEmptyDirectory(absolute)) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The output folder " + target
                    + " already exists and is not empty. Choose a new folder, or add --replace to replace it"
                    + " (the old contents are kept until the new ones are complete).");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The output path " + target
                    + " is a file, not a folder. Choose a folder name.");
        }
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".incomplete-");
            return new PublishedFolder(absolute, staging, replace);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot write beside the output folder " + target
                    + " (" + e.getMessage() + "). Check the folder exists and you may write to it.", e);
        }
    }

    /** Where to write the outputs before they are published. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished outputs into place. */
    public void publish() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                if (isEmptyDirectory(target)) {
                    Files.delete(target);
                } else if (replace) {
                    old = target.resolveSibling("." + target.getFileName() + ".replaced-" + System.nanoTime());
                    move(target, old);
                }
            }
            move(staging, target);
            published = true;
            if (old != null) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not move the finished outputs into "
                    + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + from + " to " + to + " in one step", e);
        }
    }

    @Override
    public void close() {
        if (!published) {
            deleteRecursively(staging);
        }
    }

    private static boolean isEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException e) {
                    // A file appeared while deleting; the next pass of a later run removes it.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Leaving a hidden, clearly named work folder behind is better than failing a finished run.
        }
    }
}
