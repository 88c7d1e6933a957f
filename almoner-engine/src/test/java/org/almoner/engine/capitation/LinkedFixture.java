package org.almoner.engine.capitation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerationListener;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;

/**
 * A small generated population run through the real pipeline once per test run and shared by the
 * capitation and release tests, which only read it.
 */
public final class LinkedFixture {

    private static Path linked;

    private LinkedFixture() {
    }

    /** The pipeline output folder of 600 generated people over 2023/24 and 2024/25. */
    public static synchronized Path linkedData() {
        if (linked == null) {
            try {
                Path root = Files.createTempDirectory("almoner-capitation-fixture-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                Path input = root.resolve("input");
                PopulationGenerator.generate(GeneratorSettings.of(600, 5, input).withThreads(1), GenerationListener.none());
                Path output = root.resolve("output");
                PseudonymisationKey key = PseudonymisationKey.of("capitation-tests-key-0123456789abcdefghijklmnop", "tests");
                new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, output, null,
                        key, LocalDate.of(2025, 6, 30), 30, false, new DuckDbSettings(1, 512, null)));
                linked = output;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return linked;
    }

    /** The rows of a query over files, each as text values. */
    public static List<List<String>> rows(String sql) {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value of a query. */
    public static String value(String sql) {
        return rows(sql).get(0).get(0);
    }

    /** A CSV file as a DuckDB table expression, every column text. */
    public static String csv(Path file) {
        return "read_csv(" + DuckDb.literal(file.toString()) + ", header = true, all_varchar = true)";
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }
}
