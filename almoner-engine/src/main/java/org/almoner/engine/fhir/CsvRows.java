package org.almoner.engine.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes rows in a format's column order with RFC 4180 quoting. */
final class CsvRows {

    private final BufferedWriter out;
    private final List<String> columns;
    private long rows;

    CsvRows(BufferedWriter out, List<String> columns) throws IOException {
        this.out = out;
        this.columns = List.copyOf(columns);
        out.write(String.join(",", columns));
        out.write('\n');
    }

    void write(Map<String, String> row) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(row.getOrDefault(columns.get(i), "")));
        }
        out.write('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + '"';
        }
        return value;
    }
}
