package org.almoner.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.almoner.engine.DatabaseRows;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.identity.NhsNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirImportTest {

    @TempDir
    Path folder;

    private FhirImportResult convertSample() throws IOException {
        Path bundles = Files.createDirectories(folder.resolve("fhir"));
        try (InputStream in = FhirImportTest.class.getResourceAsStream("hospital-bundle.json")) {
            Files.copy(in, bundles.resolve("hospital-bundle.json"));
        }
        return new FhirImport().convert(bundles, folder.resolve("activity.csv"), folder.resolve("diagnoses.csv"));
    }

    @Test
    void mapsEncountersToSettingsPointsOfDeliveryDatesAndProviders() throws Exception {
        FhirImportResult result = convertSample();

        assertThat(NhsNumber.isValid("9990000018")).isTrue();
        assertThat(result.activityRows()).isEqualTo(4);
        assertThat(rows("SELECT source_record_id, setting, point_of_delivery, start_date, end_date, provider_code, service_code,"
                + " nhs_number, primary_diagnosis, local_cost FROM read_csv('" + folder.resolve("activity.csv")
                + "', all_varchar = true) ORDER BY source_record_id")).containsExactly(
                        List.of("Encounter/encounter-1", "admitted_patient_care", "NEL", "2024-05-02", "2024-05-09", "R0A", "300",
                                "9990000018", "I500", "3124.50"),
                        List.of("Encounter/encounter-2", "outpatients", "OPFA", "2024-06-10", "2024-06-10", "R0B", "320",
                                "9990000018", "null", "null"),
                        List.of("Encounter/encounter-3", "a_and_e", "AE", "2024-07-01", "null", "R0A", "EMER", "9990000018",
                                "null", "null"),
                        List.of("MedicationRequest/medication-1", "prescribing", "null", "2024-08-01", "null", "FA001",
                                "PRESCRIPTION", "9990000018", "null", "null"));
    }

    @Test
    void writesTheActivityHeaderAndQuotesNamesWithCommas() throws Exception {
        convertSample();
        List<String> lines = Files.readAllLines(folder.resolve("activity.csv"));
        assertThat(lines.getFirst()).isEqualTo(String.join(",", InputFile.ACTIVITY.columnNames()));
        assertThat(lines.get(1)).contains(",Ada,\"Lovelace, Byron\",1940-03-15,2,NF1 2AB,");
    }

    @Test
    void turnsConditionsIntoDiagnoses() throws Exception {
        FhirImportResult result = convertSample();
        assertThat(result.diagnosisRows()).isEqualTo(1);
        assertThat(Files.readAllLines(folder.resolve("diagnoses.csv")))
                .containsExactly(String.join(",", InputFile.DIAGNOSES.columnNames()), "9990000018,ICD10,I500,2024-05-02");
    }

    @Test
    void countsAndSkipsWhatItCannotUse() throws Exception {
        FhirImportResult result = convertSample();
        assertThat(result.resourcesRead()).containsEntry("Encounter", 4L).containsEntry("Observation", 1L)
                .containsEntry("Patient", 1L);
        assertThat(result.skipped()).containsEntry("resource type Observation is not an activity source", 1L)
                .containsEntry("Encounter without period.start", 1L);
    }

    @Test
    void namesFileLineAndColumnOfMalformedJson() throws IOException {
        Path bundles = Files.createDirectories(folder.resolve("fhir"));
        Files.writeString(bundles.resolve("broken.json"), "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [ }\n");
        assertThatThrownBy(() -> new FhirImport().convert(bundles, folder.resolve("a.csv"), folder.resolve("d.csv")))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("broken.json, line 4");
        assertThat(folder.resolve("a.csv")).doesNotExist();
    }

    @Test
    void refusesAResourceThatIsNotABundle() throws IOException {
        Path bundles = Files.createDirectories(folder.resolve("fhir"));
        Files.writeString(bundles.resolve("patient.json"), "{\"resourceType\": \"Patient\", \"id\": \"p\"}");
        assertThatThrownBy(() -> new FhirImport().convert(bundles, folder.resolve("a.csv"), folder.resolve("d.csv")))
                .hasMessageContaining("patient.json").hasMessageContaining("not a Bundle");
    }

    private static List<List<String>> rows(String sql) throws SQLException {
        return DatabaseRows.rows(sql);
    }
}
