package org.almoner.engine.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.InputFile;

/**
 * Checks a CSV file's first bytes and header before the database reads it, so that the commonest
 * mistakes (an empty file, a spreadsheet or zip renamed .csv, UTF-16 text, a wrong header) are named
 * plainly, with file, line and column.
 */
final class CsvPreflight {

    private static final int SAMPLE = 64 * 1024;

    private CsvPreflight() {
    }

    static void check(Path file, InputFile format) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw malformed(file, 1, 1, "the file is empty; it needs a header row naming the columns: "
                    + String.join(",", format.columnNames()));
        }
        String kind = binaryKind(head);
        if (kind != null) {
            throw malformed(file, 1, 1, "this looks like " + kind + ", not a CSV text file. Export or save it as CSV"
                    + " (comma-separated, UTF-8) and try again.");
        }
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            start = 3;
        }
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length && head.length == SAMPLE) {
            throw malformed(file, 1, 1, "the first line is longer than 64 KB, so it cannot be a header row."
                    + " Check the file is CSV with one record per line.");
        }
        String headerLine = new String(head, start, end - start, StandardCharsets.UTF_8).replace("\r", "");
        checkHeader(file, format, headerLine);
    }

    private static void checkHeader(Path file, InputFile format, String headerLine) {
        List<String> actual = new ArrayList<>();
        for (String name : headerLine.split(",", -1)) {
            actual.add(name.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        List<String> expected = format.columnNames();
        if (actual.equals(expected)) {
            return;
        }
        List<String> missing = expected.stream().filter(name -> !actual.contains(name)).toList();
        List<String> unexpected = actual.stream().filter(name -> !expected.contains(name)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            int column = unexpected.isEmpty() ? actual.size() + 1 : actual.indexOf(unexpected.getFirst()) + 1;
            StringBuilder message = new StringBuilder("the header row does not match the ").append(format.baseName())
                    .append(" format.");
            if (!missing.isEmpty()) {
                message.append(" Missing column").append(missing.size() > 1 ? "s: " : ": ").append(String.join(", ", missing)).append('.');
            }
            if (!unexpected.isEmpty()) {
                message.append(" Unexpected column").append(unexpected.size() > 1 ? "s: " : ": ")
                        .append(String.join(", ", unexpected)).append('.');
            }
            message.append(" The header must be: ").append(String.join(",", expected)).append(" (see docs/formats.md).");
            throw malformed(file, 1, column, message.toString());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw malformed(file, 1, i + 1, "the header has the right columns in the wrong order: column " + (i + 1)
                        + " is '" + actual.get(i) + "' but should be '" + expected.get(i) + "'. The header must be: "
                        + String.join(",", expected) + ".");
            }
        }
    }

    /** A plain name for a binary format recognised by its first bytes, or null for text. */
    static String binaryKind(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "a zip archive (an Excel .xlsx workbook is one)";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old-style Excel (.xls) or Office file";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            return "a Parquet file (name it .parquet)";
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return "a gzip-compressed file (decompress it first)";
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return "UTF-16 text (save it as UTF-8)";
        }
        for (byte b : head) {
            if (b == 0) {
                return "a binary file (it contains NUL bytes)";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static EngineException malformed(Path file, long line, int column, String what) {
        return new EngineException(EngineErrorCode.MALFORMED_INPUT, file + ", line " + line + ", column " + column + ": " + what);
    }
}
