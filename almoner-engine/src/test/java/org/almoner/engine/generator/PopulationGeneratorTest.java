package org.almoner.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationGeneratorTest {

    @TempDir
    Path temp;

    private GenerationSummary generate(long people, long seed, String folder, int threads) {
        return PopulationGenerator.generate(GeneratorSettings.of(people, seed, temp.resolve(folder)).withThreads(threads),
                GenerationListener.none());
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    @Test
    void sameSeedGivesByteIdenticalOutputWhateverTheThreadCount() throws IOException {
        // 12,000 people span three chunks, so thread scheduling could reorder them if it were not controlled.
        generate(12_000, 7, "one-thread", 1);
        generate(12_000, 7, "three-threads", 3);

        Map<String, byte[]> single = contents(temp.resolve("one-thread"));
        Map<String, byte[]> several = contents(temp.resolve("three-threads"));
        assertThat(several.keySet()).isEqualTo(single.keySet());
        for (String file : single.keySet()) {
            assertThat(several.get(file)).as(file).isEqualTo(single.get(file));
        }
    }

    @Test
    void differentSeedGivesDifferentPopulation() throws IOException {
        generate(2_000, 7, "seven", 2);
        generate(2_000, 8, "eight", 2);

        assertThat(Files.readAllBytes(temp.resolve("eight/people.csv")))
                .isNotEqualTo(Files.readAllBytes(temp.resolve("seven/people.csv")));
        assertThat(Files.readAllBytes(temp.resolve("eight/activity/epd.csv")))
                .isNotEqualTo(Files.readAllBytes(temp.resolve("seven/activity/epd.csv")));
    }

    @Test
    void writesEveryInputFileWithItsDocumentedHeader() throws IOException {
        GenerationSummary summary = generate(2_000, 3, "input", 2);
        Path folder = temp.resolve("input");

        assertThat(firstLine(folder.resolve("people.csv"))).isEqualTo(String.join(",", InputFile.PEOPLE.columnNames()));
        assertThat(firstLine(folder.resolve("diagnoses.csv"))).isEqualTo(String.join(",", InputFile.DIAGNOSES.columnNames()));
        assertThat(firstLine(folder.resolve("condition_registers.csv")))
                .isEqualTo(String.join(",", InputFile.CONDITION_REGISTERS.columnNames()));
        List<Path> activityFiles;
        try (Stream<Path> files = Files.list(folder.resolve("activity"))) {
            activityFiles = files.sorted().toList();
        }
        assertThat(activityFiles).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "sus_apc.csv", "sus_op.csv", "sus_ae.csv", "csds.csv", "mhsds.csv", "gp_activity.csv", "epd.csv",
                "la_social_care.csv", "chc_system.csv", "vcse_records.csv", "la_education.csv");
        for (Path file : activityFiles) {
            assertThat(firstLine(file)).as(file.toString()).isEqualTo(String.join(",", InputFile.ACTIVITY.columnNames()));
        }
        assertThat(Files.readAllLines(folder.resolve("people.csv"))).hasSize(2_001);
        assertThat(summary.rowsPerFile()).containsEntry("people.csv", 2_000L);
        assertThat(summary.activityRows()).isEqualTo(Files.readAllLines(folder.resolve("ground-truth/identities.csv")).size() - 1);
    }

    @Test
    void refusesAnOutputFolderThatIsNotEmpty() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("busy"));
        Path existing = Files.writeString(folder.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> generate(100, 1, "busy", 1))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.OUTPUT_PROBLEM))
                .hasMessageContaining("not empty").hasMessageContaining(folder.toString());
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries).containsExactly(existing);
        }
    }

    @Test
    void acceptsAnEmptyOutputFolder() throws IOException {
        Files.createDirectories(temp.resolve("empty"));

        generate(100, 1, "empty", 1);

        assertThat(temp.resolve("empty/people.csv")).isRegularFile();
    }

    @Test
    void leavesNothingBehindWhenGenerationFailsPartWay() throws IOException {
        Path parent = Files.createDirectories(temp.resolve("parent"));
        GeneratorSettings settings = GeneratorSettings.of(20_000, 1, parent.resolve("input")).withThreads(2);
        GenerationListener failingAfterFirstChunk = people -> {
            throw new IllegalStateException("disk unplugged");
        };

        assertThatThrownBy(() -> PopulationGenerator.generate(settings, failingAfterFirstChunk))
                .hasMessageContaining("disk unplugged");
        try (Stream<Path> entries = Files.list(parent)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void writesParquetWithTheSameRowsWhenAsked() throws Exception {
        GenerationSummary summary = PopulationGenerator.generate(
                GeneratorSettings.of(1_500, 5, temp.resolve("parquet")).withFormat(OutputFormat.PARQUET),
                GenerationListener.none());
        Path folder = temp.resolve("parquet");

        assertThat(folder.resolve("people.parquet")).isRegularFile();
        assertThat(folder.resolve("people.csv")).doesNotExist();
        assertThat(folder.resolve("activity/epd.parquet")).isRegularFile();
        try (var connection = org.almoner.engine.duckdb.DuckDb.open(null,
                new org.almoner.engine.duckdb.DuckDbSettings(1, 256, null));
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM read_parquet('"
                        + folder.resolve("activity").resolve("*.parquet") + "')")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(summary.activityRows()).isPositive();
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow();
        }
    }
}
