package org.almoner.engine.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.almoner.engine.format.InputFile;

/** A small hand-made input folder for pipeline tests: rows are given as column=value maps. */
final class InputFolder {

    private final List<Map<String, String>> people = new ArrayList<>();
    private final List<Map<String, String>> diagnoses = new ArrayList<>();
    private final List<Map<String, String>> registers = new ArrayList<>();
    private final Map<String, List<Map<String, String>>> activity = new LinkedHashMap<>();

    InputFolder person(String... columnsAndValues) {
        people.add(row(columnsAndValues));
        return this;
    }

    InputFolder diagnosis(String... columnsAndValues) {
        diagnoses.add(row(columnsAndValues));
        return this;
    }

    InputFolder register(String... columnsAndValues) {
        registers.add(row(columnsAndValues));
        return this;
    }

    InputFolder activity(String file, String... columnsAndValues) {
        activity.computeIfAbsent(file, name -> new ArrayList<>()).add(row(columnsAndValues));
        return this;
    }

    Path writeTo(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("activity"));
        write(folder.resolve("people.csv"), InputFile.PEOPLE, people);
        write(folder.resolve("diagnoses.csv"), InputFile.DIAGNOSES, diagnoses);
        write(folder.resolve("condition_registers.csv"), InputFile.CONDITION_REGISTERS, registers);
        for (Map.Entry<String, List<Map<String, String>>> file : activity.entrySet()) {
            write(folder.resolve("activity").resolve(file.getKey()), InputFile.ACTIVITY, file.getValue());
        }
        return folder;
    }

    private static void write(Path file, InputFile format, List<Map<String, String>> rows) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", format.columnNames())).append('\n');
        for (Map<String, String> row : rows) {
            for (String column : row.keySet()) {
                if (format.column(column).isEmpty()) {
                    throw new IllegalArgumentException(format + " has no column " + column);
                }
            }
            List<String> values = format.columnNames().stream().map(column -> quote(row.getOrDefault(column, ""))).toList();
            text.append(String.join(",", values)).append('\n');
        }
        Files.writeString(file, text, UTF_8);
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static Map<String, String> row(String... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("columns and values come in pairs");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}
