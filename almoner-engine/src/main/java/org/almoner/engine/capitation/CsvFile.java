package org.almoner.engine.capitation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a small CSV file (header row, UTF-8, comma, double-quote quoting) of the kind a finance team
 * opens in a spreadsheet. Callers write into a staging folder that is published whole.
 */
public final class CsvFile implements AutoCloseable {

    private final BufferedWriter writer;
    private final int columns;

    private CsvFile(BufferedWriter writer, int columns) {
        this.writer = writer;
        this.columns = columns;
    }

    /** Creates {@code file} (and its folder) and writes the header. */
    public static CsvFile create(Path file, List<String> header) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            CsvFile csv = new CsvFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header.size());
            csv.row(header);
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; values are written with {@code String.valueOf}, null as an empty field. */
    public void row(List<?> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.size());
        }
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(quote(values.get(i)));
            }
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
