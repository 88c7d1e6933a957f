package org.almoner.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.almoner.engine.DatabaseRows;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.linkage.LinkSettings;
import org.almoner.engine.linkage.ProbabilisticLinker;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {

    private static final PseudonymisationKey KEY = PseudonymisationKey.of("k".repeat(48), "test");
    private static final PseudonymisationKey OTHER_KEY = PseudonymisationKey.of("q".repeat(48), "test");

    @TempDir
    Path folder;

    private static InputFolder smallEconomy() {
        return new InputFolder()
                .person("person_id", "GP1", "nhs_number", "9990000018", "given_name", "Ada", "family_name", "Lovelace",
                        "date_of_birth", "1940-03-15", "sex", "2", "postcode", "NF1 2AB", "ethnicity", "A",
                        "deprivation_decile", "3", "gp_practice", "P90001", "pcn", "U90001", "chc", "N")
                .person("person_id", "GP2", "nhs_number", "9990000026", "given_name", "Alan", "family_name", "Turing",
                        "date_of_birth", "1952-06-23", "sex", "1", "postcode", "NF2 3CD", "gp_practice", "P90002",
                        "pcn", "U90001")
                .person("person_id", "GP3", "given_name", "Mary", "family_name", "Seacole", "date_of_birth", "1985-11-23",
                        "sex", "2", "postcode", "NF3 4EF", "gp_practice", "P90003", "pcn", "U90001")
                .diagnosis("person_id", "GP1", "code_system", "ICD10", "code", "I500", "recorded_date", "2023-05-01")
                .register("person_id", "GP1", "register", "HF", "added_date", "2023-05-01")
                .activity("sus_apc.csv", "source_system", "SUS_APC", "source_record_id", "APC1", "setting",
                        "admitted_patient_care", "nhs_number", "9990000018", "given_name", "Ada", "family_name", "Lovelace",
                        "date_of_birth", "1940-03-15", "sex", "2", "postcode", "NF1 2AB", "provider_code", "R0A",
                        "service_code", "300", "point_of_delivery", "NEL", "start_date", "2024-05-02", "end_date",
                        "2024-05-09", "units", "1", "unit_type", "spell", "currency_type", "HRG", "currency_code", "EB03",
                        "primary_diagnosis", "I500", "recorded_date", "2024-05-20")
                .activity("sus_apc.csv", "source_system", "SUS_APC", "source_record_id", "APC2", "setting",
                        "admitted_patient_care", "nhs_number", "9990000018", "provider_code", "R0A", "service_code", "300",
                        "point_of_delivery", "NEL", "start_date", "2024-06-10", "end_date", "2024-06-01", "units", "1",
                        "unit_type", "spell", "currency_type", "HRG", "currency_code", "EB03")
                .activity("gp_activity.csv", "source_system", "GP_ACTIVITY", "source_record_id", "GP-1", "setting",
                        "primary_care", "nhs_number", "9990000026", "provider_code", "P90002", "service_code", "GP_SURGERY",
                        "start_date", "2024-07-01", "units", "1", "unit_type", "consultation", "currency_type", "SERVICE",
                        "currency_code", "GP_SURGERY", "recorded_date", "2024-07-01")
                .activity("la_social_care.csv", "source_system", "LA_SOCIAL_CARE", "source_record_id", "SC-1", "setting",
                        "social_care", "local_person_id", "LA-77", "given_name", "Mary", "family_name", "Seacol",
                        "date_of_birth", "1985-11-23", "sex", "2", "postcode", "NF3 4EF", "provider_code", "DCA01",
                        "service_code", "HOME_CARE", "start_date", "2024-04-01", "end_date", "2024-04-07", "units", "10",
                        "unit_type", "hour", "currency_type", "SERVICE", "currency_code", "HOME_CARE", "local_cost", "245.50",
                        "recorded_date", "2024-06-30");
    }

    private PipelineRequest request(Path input, Path output, PseudonymisationKey key, Path linkageKeys, boolean replace) {
        return new PipelineRequest(input, null, output, linkageKeys, key, LocalDate.of(2025, 6, 30), 30, replace,
                new DuckDbSettings(2, 1024, null));
    }

    private PipelineResult run(Path input, Path output) {
        return new Pipeline(List.of(), Pipeline.StageListener.silent()).run(request(input, output, KEY, null, false));
    }

    @Test
    void publishesTheLinkedCostedDataSetAndItsQualityReport() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Path output = folder.resolve("output");

        PipelineResult result = run(input, output);

        assertThat(output.resolve("quality/data_quality.html")).isNotEmptyFile();
        assertThat(output.resolve("quality/data_quality.json")).isNotEmptyFile();
        assertThat(output.resolve("quality/rejects.csv")).isNotEmptyFile();
        assertThat(output.resolve("linked/activity.parquet")).isNotEmptyFile();
        assertThat(output.resolve("linked/people.parquet")).isNotEmptyFile();
        assertThat(output.resolve("summary/person_year_summary.csv")).isNotEmptyFile();
        assertThat(output.resolve("costing/uncosted.csv")).exists();
        assertThat(output.resolve("run-summary.json")).content().contains("\"rows_rejected\" : 1");
        assertThat(result.ingest().rowsRead()).isEqualTo(result.ingest().rowsLoaded() + result.ingest().rowsRejected());
        assertThat(siblingsOf(output)).containsExactlyInAnyOrder("input", "output");

        try (Connection duck = DuckDb.open(null, DuckDbSettings.defaults())) {
            List<List<String>> activity = rows(duck, "SELECT source_record_id, link_method, costing_method, cost > 0 FROM read_parquet('"
                    + output.resolve("linked/activity.parquet") + "') ORDER BY source_record_id");
            assertThat(activity).containsExactly(
                    List.of("APC1", "NHS_NUMBER", "TARIFF", "true"),
                    List.of("GP-1", "NHS_NUMBER", "UNIT_COST", "true"),
                    List.of("SC-1", "UNLINKED", "LOCAL_COST", "true"));
            assertThat(rows(duck, "SELECT cost::VARCHAR FROM read_parquet('" + output.resolve("linked/activity.parquet")
                    + "') WHERE source_record_id = 'SC-1'")).containsExactly(List.of("245.50"));
            assertThat(rows(duck, "SELECT source_line, reason FROM read_csv('" + output.resolve("quality/rejects.csv")
                    + "', all_varchar = true)")).singleElement().satisfies(reject -> {
                        assertThat(reject.get(0)).isEqualTo("3");
                        assertThat(reject.get(1)).containsIgnoringCase("end");
                    });
            // Everyone alive in the year appears in the summary, with or without activity.
            assertThat(rows(duck, "SELECT count(*) FROM read_csv('" + output.resolve("summary/person_year_summary.csv")
                    + "') WHERE financial_year = '2024/25'")).containsExactly(List.of("3"));
        }
    }

    @Test
    void noIdentifierReachesThePseudonymisedOutputs() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Path output = folder.resolve("output");
        run(input, output);

        List<String> identifiers = List.of("9990000018", "9990000026", "Lovelace", "Turing", "Seacol", "1940-03-15",
                "NF1 2AB", "GP1", "LA-77");
        try (Connection duck = DuckDb.open(null, DuckDbSettings.defaults())) {
            for (String file : List.of("linked/activity.parquet", "linked/people.parquet", "linked/diagnoses.parquet",
                    "linked/condition_registers.parquet", "summary/person_year_summary.parquet")) {
                String everything = String.join("|", rows(duck, "SELECT * FROM read_parquet('" + output.resolve(file) + "')")
                        .stream().flatMap(List::stream).toList());
                for (String identifier : identifiers) {
                    assertThat(everything).as("%s must not contain %s", file, identifier).doesNotContain(identifier);
                }
            }
        }
        String key = "k".repeat(48);
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content).as("%s must not hold the key", file).doesNotContain(key);
            }
        }
    }

    @Test
    void sameKeyGivesSamePseudonymsAndAnotherKeyGivesUnlinkableOnes() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Pipeline pipeline = new Pipeline(List.of(), Pipeline.StageListener.silent());
        pipeline.run(request(input, folder.resolve("a"), KEY, null, false));
        pipeline.run(request(input, folder.resolve("b"), KEY, null, false));
        pipeline.run(request(input, folder.resolve("c"), OTHER_KEY, null, false));

        try (Connection duck = DuckDb.open(null, DuckDbSettings.defaults())) {
            Set<String> a = pseudonyms(duck, folder.resolve("a"));
            Set<String> b = pseudonyms(duck, folder.resolve("b"));
            Set<String> c = pseudonyms(duck, folder.resolve("c"));
            assertThat(a).hasSize(3).isEqualTo(b);
            assertThat(c).hasSize(3).doesNotContainAnyElementsOf(a);
        }
    }

    @Test
    void malformedInputLeavesNoOutputBehind() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Files.writeString(input.resolve("people.csv"), "person_id,nhs_number,surname\nGP1,9990000018,Lovelace\n");
        Path output = folder.resolve("output");

        assertThatThrownBy(() -> run(input, output))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("people.csv");
        assertThat(output).doesNotExist();
        assertThat(siblingsOf(output)).containsExactly("input");
    }

    @Test
    void refusesToOverwriteAnExistingOutputUnlessAskedAndThenReplacesItWhole() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Path output = Files.createDirectories(folder.resolve("output"));
        Files.writeString(output.resolve("precious.txt"), "keep me");

        assertThatThrownBy(() -> run(input, output))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.OUTPUT_PROBLEM))
                .hasMessageContaining("--replace");
        assertThat(output.resolve("precious.txt")).hasContent("keep me");

        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(request(input, output, KEY, null, true));
        assertThat(output.resolve("precious.txt")).doesNotExist();
        assertThat(output.resolve("linked/activity.parquet")).exists();
        assertThat(siblingsOf(output)).containsExactlyInAnyOrder("input", "output");
    }

    @Test
    void probabilisticLinkageLinksTheSocialCareClientWithoutAnNhsNumberByPseudonymOnly() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Path output = folder.resolve("output");
        PipelineResult result = new Pipeline(List.of(new ProbabilisticLinker(LinkSettings.defaults(), line -> { })),
                Pipeline.StageListener.silent()).run(request(input, output, KEY, null, false));

        assertThat(result.linkage().linkedOtherwise()).isEqualTo(1);
        try (Connection duck = DuckDb.open(null, DuckDbSettings.defaults())) {
            String activity = output.resolve("linked/activity.parquet").toString();
            // Mary Seacol in social care is Mary Seacole on the spine, the only person with no NHS number.
            assertThat(rows(duck, "SELECT link_method, match_weight >= 4 FROM read_parquet('" + activity + "') WHERE source_record_id = 'SC-1'"))
                    .containsExactly(List.of("PROBABILISTIC", "true"));
            assertThat(rows(duck, "SELECT count(*) FROM read_parquet('" + activity + "') a JOIN read_parquet('"
                    + output.resolve("linked/people.parquet") + "') p USING (person_pseudonym) WHERE a.source_record_id = 'SC-1'"))
                    .containsExactly(List.of("1"));
        }
    }

    @Test
    void writesLinkageKeysOnlyWhereAskedAndApartFromThePseudonymisedData() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Path keys = folder.resolve("linkage-keys");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(request(input, folder.resolve("output"), KEY, keys, false));

        try (Connection duck = DuckDb.open(null, DuckDbSettings.defaults())) {
            // The social care client had no NHS number, so probabilistic linkage will need their identifiers.
            assertThat(rows(duck, "SELECT source_system, family_name FROM read_parquet('" + keys.resolve("linkage_keys.parquet") + "')"))
                    .contains(List.of("LA_SOCIAL_CARE", "Seacol"));
            assertThat(rows(duck, "SELECT count(*) FROM read_parquet('" + keys.resolve("linkage_spine.parquet") + "')"))
                    .containsExactly(List.of("3"));
        }
        try (Stream<Path> files = Files.list(folder.resolve("output"))) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("linkage-keys");
        }
    }

    @Test
    void loadsFhirBundlesAsAnotherActivitySource() throws Exception {
        Path input = smallEconomy().writeTo(folder.resolve("input"));
        Path bundles = Files.createDirectories(input.resolve("fhir"));
        try (var in = PipelineTest.class.getResourceAsStream("hospital-bundle.json")) {
            Files.copy(in, bundles.resolve("hospital-bundle.json"));
        }
        PipelineResult result = run(input, folder.resolve("output"));

        assertThat(result.fhir().activityRowsWritten()).isEqualTo(4);
        try (Connection duck = DuckDb.open(null, DuckDbSettings.defaults())) {
            assertThat(rows(duck, "SELECT source_record_id, link_method, costing_method, cost::VARCHAR FROM read_parquet('"
                    + folder.resolve("output/linked/activity.parquet") + "') WHERE source_system = 'FHIR' ORDER BY 1"))
                    // FHIR encounters carry no HRG, so the claimed cost (the local cost) prices them.
                    .contains(List.of("Encounter/encounter-1", "NHS_NUMBER", "LOCAL_COST", "3124.50"));
        }
        assertThat(folder.resolve("output/run-summary.json")).content().contains("\"fhir\"");
    }

    private static Set<String> pseudonyms(Connection duck, Path output) throws SQLException {
        Set<String> pseudonyms = new HashSet<>();
        for (List<String> row : rows(duck, "SELECT person_pseudonym FROM read_parquet('" + output.resolve("linked/people.parquet") + "')")) {
            pseudonyms.add(row.getFirst());
        }
        return pseudonyms;
    }

    private List<String> siblingsOf(Path path) throws IOException {
        try (Stream<Path> entries = Files.list(path.getParent())) {
            return entries.map(entry -> entry.getFileName().toString()).toList();
        }
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        return DatabaseRows.rows(connection, sql);
    }
}
