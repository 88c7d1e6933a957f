package org.almoner.engine.generator;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.console.Progress;
import org.almoner.engine.generator.internal.ByteSink;
import org.almoner.engine.generator.internal.ChunkGenerator;
import org.almoner.engine.generator.internal.ChunkOutput;
import org.almoner.engine.generator.internal.NhsNumberPool;
import org.almoner.engine.generator.internal.OutputTable;
import org.almoner.engine.identity.NhsNumber;

/**
 * Generates a synthetic population and its health and care activity into an input folder.
 *
 * <p>People are generated in fixed-size chunks on worker threads, each chunk from its own random
 * stream, and written in chunk order by the calling thread; at most a few chunks are held at once,
 * so memory stays bounded whatever the population. Everything is written to a hidden sibling folder
 * that is renamed into place at the end, so a failed run leaves nothing half-written.
 */
public final class PopulationGenerator {

    private static final int WRITE_BUFFER_BYTES = 1 << 20;

    private PopulationGenerator() {
    }

    /** Generates with a progress bar over people. */
    public static GenerationSummary generate(GeneratorSettings settings, Progress progress) {
        requireNonNull(progress, "progress is null");
        progress.setTotal(settings.people());
        return generate(settings, progress::advance);
    }

    /** Generates, telling {@code listener} as people are written. */
    public static GenerationSummary generate(GeneratorSettings settings, GenerationListener listener) {
        requireNonNull(settings, "settings is null");
        requireNonNull(listener, "listener is null");
        long startNanos = System.nanoTime();
        Path target = settings.outputFolder().toAbsolutePath().normalize();
        requireUsableOutputFolder(target);
        Path temporary = createTemporarySibling(target);
        try {
            Map<String, Long> rows = writeAll(settings, temporary, listener);
            if (settings.format() == OutputFormat.PARQUET) {
                ParquetConversion.convert(temporary,
                        OutputTable.all().stream().filter(OutputTable::pipelineInput).toList());
                rows = renameToParquet(rows);
            }
            moveIntoPlace(temporary, target);
            long withoutNhsNumber = Math.max(0, settings.people() - NhsNumber.TEST_RANGE_CAPACITY);
            return new GenerationSummary(target, settings.people(), withoutNhsNumber, rows,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException | Error failure) {
            deleteQuietly(temporary);
            throw failure;
        }
    }

    private static List<String> inputFiles() {
        return OutputTable.all().stream().filter(OutputTable::pipelineInput).map(OutputTable::relativePath).toList();
    }

    private static Map<String, Long> renameToParquet(Map<String, Long> rows) {
        Map<String, Long> renamed = new LinkedHashMap<>();
        List<String> inputs = inputFiles();
        rows.forEach((path, count) -> renamed.put(
                inputs.contains(path) ? path.substring(0, path.length() - 4) + ".parquet" : path, count));
        return renamed;
    }

    private static Map<String, Long> writeAll(GeneratorSettings settings, Path folder, GenerationListener listener) {
        List<OutputTable> tables = OutputTable.all();
        OutputStream[] streams = new OutputStream[tables.size()];
        long[] rows = new long[tables.size()];
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "almoner-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < tables.size(); i++) {
                Path file = folder.resolve(tables.get(i).relativePath());
                Files.createDirectories(file.getParent());
                streams[i] = new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER_BYTES);
                streams[i].write((String.join(",", tables.get(i).columns()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            ChunkGenerator generator = new ChunkGenerator(settings.seed(), new NhsNumberPool(settings.seed()),
                    settings.errorRates());
            long chunks = (settings.people() + ChunkGenerator.CHUNK_SIZE - 1) / ChunkGenerator.CHUNK_SIZE;
            int window = settings.threads() * 2;
            ArrayDeque<Future<ChunkOutput>> pending = new ArrayDeque<>();
            ConcurrentLinkedQueue<ChunkOutput> spare = new ConcurrentLinkedQueue<>();
            long nextToSubmit = 0;
            for (long written = 0; written < chunks; written++) {
                while (nextToSubmit < chunks && pending.size() < window) {
                    long chunk = nextToSubmit++;
                    pending.add(workers.submit(() -> {
                        ChunkOutput reused = spare.poll();
                        return generator.generate(chunk, settings.people(),
                                reused != null ? reused : new ChunkOutput(ChunkGenerator.CHUNK_SIZE));
                    }));
                }
                ChunkOutput output = await(pending.removeFirst());
                List<ByteSink> buffers = output.buffers();
                long[] counts = output.rowCounts();
                for (int i = 0; i < streams.length; i++) {
                    buffers.get(i).writeTo(streams[i]);
                    rows[i] += counts[i];
                }
                spare.add(output);
                listener.peopleWritten(output.peopleCount());
            }
            for (OutputStream stream : streams) {
                stream.close();
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the generated data in " + folder
                    + ": " + e.getMessage() + ". Check there is enough disk space and that you may write there.", e);
        } finally {
            workers.shutdownNow();
            closeQuietly(streams);
        }
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            result.put(tables.get(i).relativePath(), rows[i]);
        }
        return result;
    }

    private static ChunkOutput await(Future<ChunkOutput> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(EngineErrorCode.INTERNAL, "Generation was interrupted before it finished.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new EngineException(EngineErrorCode.INTERNAL, "Generating people failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Fails with a plain message unless {@code folder} does not exist or is an empty folder, so a
     * caller can refuse a bad --out before starting work.
     */
    public static void requireUsableOutputFolder(Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The output " + target
                    + " is a file, not a folder. Choose a new folder name with --out.");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            if (entries.iterator().hasNext()) {
                throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The output folder " + target
                        + " is not empty. Choose a new or empty folder with --out, or delete this one first;"
                        + " the generator never overwrites existing files.");
            }
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not read the output folder " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static Path createTemporarySibling(Path target) {
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not create a working folder next to "
                    + target + " (" + e.getMessage() + "). Check the folder " + parent
                    + " exists and that you may write there.", e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) {
        try {
            // An empty target folder is allowed; remove it so the rename can take its place.
            Files.deleteIfExists(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not move the generated data into "
                    + target + ": " + e.getMessage() + ". Nothing was written there; choose another --out.", e);
        }
    }

    private static void closeQuietly(OutputStream[] streams) {
        for (OutputStream stream : streams) {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // Already failing; the working folder is deleted next.
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // Best effort: the failure being reported matters more.
                }
            });
        } catch (IOException ignored) {
            // Best effort, as above.
        }
    }
}
