package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
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

    /** The report as JSON (stable field names, shares from 0 to 1), as {@link #writeJson} writes it. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The readable HTML page, as {@link #writeHtml} writes it. */
    public String html() {
        return new QualityPage(this).render();
    }

    /** Writes the report as JSON (stable field names, shares from 0 to 1), whole or not at all. */
    public void writeJson(Path file) {
        writeAtomically(file, this::json);
    }

    /** Writes the readable HTML page, whole or not at all. */
    public void writeHtml(Path file) {
        writeAtomically(file, this::html);
    }

    /**
     * Reads a report written by {@link #writeJson}, by either engine; the figures derived from others ({@code share},
     * {@code worst}) are worked out again, not read.
     */
    public static DataQualityReport readJson(Path file) {
        try {
            return JSON.readerFor(DataQualityReport.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile());
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "Could not read the data quality report " + file + " ("
                    + e.getMessage().lines().findFirst().orElse("") + "). Check it is the quality/data_quality.json of a pipeline run.", e);
        }
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
