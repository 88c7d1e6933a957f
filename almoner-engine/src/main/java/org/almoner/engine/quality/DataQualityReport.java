package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * The data quality report of one run: per source, per field, the four checks of handbook 5.2.3.
 *
 * @param asOf the date the data was judged at
 * @param timelinessDays the timeliness threshold in days
 * @param sources one entry per input file
 */
public record DataQualityReport(LocalDate asOf, int timelinessDays, List<SourceQuality> sources) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public DataQualityReport {
        requireNonNull(asOf, "asOf is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }

    /** Sources rated below good, worst first: what a reader should look at. */
    public List<SourceQuality> needingAttention() {
        return sources.stream().filter(source -> source.worst() != Rating.GOOD)
                .sorted(java.util.Comparator.comparing((SourceQuality source) -> source.worst() == Rating.POOR ? 0 : 1)
                        .thenComparing(SourceQuality::file))
                .toList();
    }

    /** Writes the report as JSON (stable field names, shares from 0 to 1), whole or not at all. */
    public void writeJson(Path file) {
        writeAtomically(file, () -> {
            try {
                return JSON.writeValueAsString(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the readable HTML page, whole or not at all. */
    public void writeHtml(Path file) {
        writeAtomically(file, () -> new QualityPage(this).render());
    }

    private static void writeAtomically(Path file, java.util.function.Supplier<String> content) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, content.get(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the data quality report "
                    + file + ": " + e.getMessage(), e);
        }
    }
}
