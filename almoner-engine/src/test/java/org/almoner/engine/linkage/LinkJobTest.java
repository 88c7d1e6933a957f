package org.almoner.engine.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.console.Progress;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LinkJobTest {

    private static final DuckDbSettings DATABASE = new DuckDbSettings(2, 1024, null);

    @TempDir
    static Path shared;

    private static Path population;

    private static final String MAPPING = "{given_name: given_name, family_name: family_name, date_of_birth: date_of_birth, sex: sex, postcode: postcode}";

    @BeforeAll
    static void generate() {
        population = shared.resolve("population");
        PopulationGenerator.generate(GeneratorSettings.of(3_000, 7, population), Progress.silent("generate"));
    }

    private static Path config(String name, String yaml) throws Exception {
        Path file = population.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static String peopleAgainstCouncilAndVoluntaryRecords(String extra) {
        return """
                left:
                  file: people.csv
                  record_id: person_id
                  columns: %s
                  truth: person_id
                right:
                  file: [activity/la_social_care.csv, activity/vcse_records.csv, activity/la_education.csv]
                  record_id: source_record_id
                  columns: %s
                  truth: {file: ground-truth/identities.csv, record_id: source_record_id, entity_id: person_id}
                %s""".formatted(MAPPING, MAPPING, extra);
    }

    @Test
    void linksCouncilAndVoluntaryRecordsToPeopleWithHighPrecisionAndRecall(@TempDir Path out) throws Exception {
        LinkConfiguration configuration = LinkConfiguration.read(config("link.yaml", peopleAgainstCouncilAndVoluntaryRecords("")));
        LinkJob.Result result = new LinkJob(line -> { }).run(configuration, out.resolve("linked"), false, DATABASE);

        assertThat(result.evaluation()).isNotNull();
        Evaluation.Point at = result.evaluation().atLinkWeight();
        assertThat(at.truePairs()).isGreaterThan(500);
        assertThat(at.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(at.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(result.outcome().parameters().converged()).isTrue();
        assertThat(out.resolve("linked")).isDirectoryContaining(p -> p.getFileName().toString().equals("pairs.csv"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("clusters.csv"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("clerical_review.csv"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("report.html"));
        List<String> pairs = Files.readAllLines(out.resolve("linked/pairs.csv"));
        assertThat(pairs.getFirst()).contains("match_weight", "given_name_level", "given_name_weight", "postcode_weight");
        assertThat(pairs).hasSize((int) result.outcome().links() + 1);
        // Every record of both sides is in exactly one cluster.
        assertThat(Files.readAllLines(out.resolve("linked/clusters.csv"))).hasSize(
                (int) (result.outcome().leftRecords() + result.outcome().rightRecords()) + 1);
        assertThat(Files.readString(out.resolve("linked/report.html"))).contains("m and u per comparison level", "Precision, recall");
    }

    @Test
    void commandPrintsEachFieldsContributionForAPair(@TempDir Path out) throws Exception {
        Path file = config("command.yaml", peopleAgainstCouncilAndVoluntaryRecords(""));
        String firstPair = Files.readAllLines(population.resolve("ground-truth/identities.csv")).stream()
                .filter(line -> line.startsWith("LA_SOCIAL_CARE,")).findFirst().orElseThrow();
        String[] parts = firstPair.split(",");
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new LinkCommand());
        command.setOut(new PrintWriter(text));
        int exit = command.execute("--config", file.toString(), "--out", out.resolve("o").toString(), "--threads", "2",
                "--memory-limit", "1024", "--benchmark", "--explain", parts[2] + "," + parts[1]);
        assertThat(exit).isZero();
        assertThat(text.toString()).contains("blocking rule", "m and u per comparison level", "Time per stage",
                parts[2] + " ~ " + parts[1] + ": match weight", "date_of_birth", "precision");
    }

    @Test
    void rejectsAnUnknownFieldInTheMapping() throws Exception {
        Path file = config("unknown-field.yaml", peopleAgainstCouncilAndVoluntaryRecords("").replaceFirst("sex: sex", "gender: sex"));
        assertThatThrownBy(() -> LinkConfiguration.read(file)).isInstanceOf(EngineException.class)
                .hasMessageContaining("left.columns.gender").hasMessageContaining("unknown-field.yaml")
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.BAD_CONFIGURATION));
    }

    @Test
    void rejectsAnUnknownSettingAndAnUnknownBlockingKey() throws Exception {
        Path setting = config("unknown-setting.yaml", peopleAgainstCouncilAndVoluntaryRecords("threshold: 5"));
        assertThatThrownBy(() -> LinkConfiguration.read(setting)).hasMessageContaining("threshold").hasMessageContaining("thresholds");
        Path key = config("unknown-key.yaml", peopleAgainstCouncilAndVoluntaryRecords("blocking_rules: [[surname]]"));
        assertThatThrownBy(() -> LinkConfiguration.read(key)).hasMessageContaining("surname").hasMessageContaining("family_name");
    }

    @Test
    void rejectsAColumnTheFileDoesNotHaveBeforeAnyWork(@TempDir Path out) throws Exception {
        Path file = config("missing-column.yaml", peopleAgainstCouncilAndVoluntaryRecords("").replaceFirst("postcode: postcode", "postcode: post_code"));
        LinkConfiguration configuration = LinkConfiguration.read(file);
        assertThatThrownBy(() -> new LinkJob(line -> { }).run(configuration, out.resolve("o"), false, DATABASE))
                .hasMessageContaining("post_code").hasMessageContaining("people.csv");
        assertThat(out.resolve("o")).doesNotExist();
    }

    @Test
    void rejectsABlockingRuleThatComparesTooManyPairsBeforeComparing(@TempDir Path out) throws Exception {
        Path file = config("too-many.yaml", peopleAgainstCouncilAndVoluntaryRecords("blocking_rules: [[sex]]\nmaximum_comparisons: 100000"));
        LinkConfiguration configuration = LinkConfiguration.read(file);
        List<String> log = new java.util.ArrayList<>();
        assertThatThrownBy(() -> new LinkJob(log::add).run(configuration, out.resolve("o"), false, DATABASE))
                .isInstanceOf(EngineException.class).hasMessageContaining("'sex'").hasMessageContaining("too-many.yaml")
                .hasMessageContaining("Add a key");
        assertThat(log).noneMatch(line -> line.startsWith("Comparing"));
        assertThat(out.resolve("o")).doesNotExist();
    }

    @Test
    void rejectsAnEmptyInput(@TempDir Path out) throws Exception {
        Files.writeString(population.resolve("empty.csv"), "id,given_name,family_name,date_of_birth,sex,postcode\n");
        Path file = config("empty.yaml", """
                left:
                  file: empty.csv
                  record_id: id
                  columns: %s
                """.formatted(MAPPING));
        LinkConfiguration configuration = LinkConfiguration.read(file);
        assertThat(configuration.deduplicate()).isTrue();
        assertThatThrownBy(() -> new LinkJob(line -> { }).run(configuration, out.resolve("o"), false, DATABASE))
                .hasMessageContaining("empty.csv has no records");
    }

    @Test
    void deduplicatesOneFile(@TempDir Path out) throws Exception {
        Path file = config("dedupe.yaml", """
                left:
                  file: activity/la_social_care.csv
                  record_id: source_record_id
                  columns: %s
                  truth: {file: ground-truth/identities.csv, record_id: source_record_id, entity_id: person_id}
                """.formatted(MAPPING));
        LinkJob.Result result = new LinkJob(line -> { }).run(LinkConfiguration.read(file), out.resolve("d"), false, DATABASE);
        assertThat(result.outcome().clusters()).isLessThan(result.outcome().leftRecords());
        assertThat(result.evaluation().atLinkWeight().precision()).isGreaterThanOrEqualTo(0.99);
    }
}
