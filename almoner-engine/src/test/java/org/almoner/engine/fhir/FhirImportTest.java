package org.almoner.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.identity.NhsNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirImportTest {

    /** Creating an R4 context takes seconds, so every test shares one. */
    private static final FhirImport IMPORT = new FhirImport(FhirContext.forR4());

    private static FhirImportResult hospital;
    private static CsvTestFile hospitalActivity;
    private static CsvTestFile hospitalDiagnoses;

    @TempDir
    Path temp;

    @BeforeAll
    static void convertTheHospitalBundle(@TempDir Path out) throws Exception {
        hospital = IMPORT.convert(resource("hospital"), out.resolve("activity/fhir.csv"), out.resolve("diagnoses-fhir.csv"));
        hospitalActivity = CsvTestFile.read(out.resolve("activity/fhir.csv"));
        hospitalDiagnoses = CsvTestFile.read(out.resolve("diagnoses-fhir.csv"));
    }

    @Test
    void inpatientEmergencyAdmissionBecomesNonElectiveSpellWithDatesProviderAndFirstRankedDiagnosis() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Encounter/enc-inpatient");

        assertThat(row).contains(entry("source_system", "FHIR"), entry("setting", "admitted_patient_care"),
                entry("point_of_delivery", "NEL"), entry("start_date", "2024-05-01"), entry("end_date", "2024-05-06"),
                entry("provider_code", "R0A"), entry("service_code", "300"), entry("units", "1"),
                entry("unit_type", "spell"), entry("primary_diagnosis", "I500"), entry("recorded_date", "2024-05-08"));
    }

    @Test
    void sameDayInpatientEncounterWithoutEmergencyBecomesDayCase() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Encounter/enc-daycase");

        assertThat(row).contains(entry("setting", "admitted_patient_care"), entry("point_of_delivery", "DC"),
                entry("start_date", "2024-06-10"), entry("end_date", "2024-06-10"), entry("provider_code", "R0B"),
                entry("service_code", "110"), entry("primary_diagnosis", "M169"));
    }

    @Test
    void ambulatoryEncounterTypedAsFirstBecomesFirstOutpatientAttendance() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Encounter/enc-outpatient");

        assertThat(row).contains(entry("setting", "outpatients"), entry("point_of_delivery", "OPFA"),
                entry("start_date", "2024-07-01"), entry("provider_code", "R0A"), entry("service_code", "320"),
                entry("unit_type", "attendance"), entry("currency_code", "WF01B"), entry("currency_type", "HRG"));
    }

    @Test
    void emergencyEncounterBecomesAccidentAndEmergencyAttendanceInEmergencyMedicine() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Encounter/enc-emergency");

        assertThat(row).contains(entry("setting", "a_and_e"), entry("point_of_delivery", "AE"),
                entry("start_date", "2024-08-02"), entry("end_date", "2024-08-03"), entry("provider_code", "R0B"),
                entry("service_code", "180"), entry("unit_type", "attendance"));
    }

    @Test
    void patientDetailsFillThePersonColumnsOfRowsThatReferToThePatient() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Encounter/enc-inpatient");

        assertThat(row).contains(entry("nhs_number", "9990000018"), entry("local_person_id", "pat-1"),
                entry("given_name", "Ada Mary"), entry("family_name", "Smith, Jones"),
                entry("date_of_birth", "1950-03-04"), entry("sex", "2"), entry("postcode", "NF1 2AB"));
        assertThat(hospitalActivity.rows()).extracting(r -> r.get("nhs_number")).allMatch(NhsNumber::isValid);
    }

    @Test
    void explanationOfBenefitCostGoesOnItsEncounterAndReplacesTheClaimItAdjudicates() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Encounter/enc-inpatient");

        assertThat(row).containsEntry("local_cost", "3456.78");
        assertThat(hospitalActivity.rows()).extracting(r -> r.get("source_record_id"))
                .doesNotContain("Claim/claim-inpatient", "ExplanationOfBenefit/eob-inpatient");
        assertThat(hospital.attachedToOtherRowsByType())
                .contains(entry("Claim", 1), entry("ExplanationOfBenefit", 1));
    }

    @Test
    void costInACurrencyOtherThanPoundsIsSkippedWithItsReason() {
        assertThat(hospitalActivity.rowWhere("source_record_id", "Encounter/enc-outpatient")).containsEntry("local_cost", "");
        assertThat(hospital.skipped()).anySatisfy(skip -> {
            assertThat(skip.resourceType()).isEqualTo("ExplanationOfBenefit");
            assertThat(skip.reason()).contains("USD").contains("GBP");
            assertThat(skip.firstExample()).contains("hospital-bundle.json").contains("eob-dollars");
        });
    }

    @Test
    void medicationRequestWithBnfCodeBecomesPrescribingItemPricedByChemicalSubstance() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "MedicationRequest/rx-atorvastatin");

        assertThat(row).contains(entry("setting", "prescribing"), entry("service_code", "PRESCRIPTION"),
                entry("currency_type", "BNF"), entry("currency_code", "0212000B0"), entry("units", "1"),
                entry("unit_type", "item"), entry("provider_code", "FA001"), entry("start_date", "2024-09-01"),
                entry("nhs_number", "9990000018"));
    }

    @Test
    void medicationRequestWithoutBnfCodeUsesTheMedicineCodeAsServiceAndItsContainedRequesterAsProvider() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "MedicationRequest/rx-dmd-only");

        assertThat(row).contains(entry("setting", "prescribing"), entry("service_code", "39720311000001101"),
                entry("currency_type", ""), entry("currency_code", ""), entry("provider_code", "P90001"));
    }

    @Test
    void procedureWithinAnEncounterIsPartOfItsRowNotASecondRow() {
        assertThat(hospitalActivity.rows()).extracting(r -> r.get("source_record_id"))
                .doesNotContain("Procedure/proc-in-spell");
        assertThat(hospital.attachedToOtherRowsByType()).containsEntry("Procedure", 1);
    }

    @Test
    void procedureWithoutAnEncounterBecomesCommunityContact() {
        Map<String, String> row = hospitalActivity.rowWhere("source_record_id", "Procedure/proc-district-nurse");

        assertThat(row).contains(entry("setting", "community"), entry("service_code", "DISTRICT_NURSING"),
                entry("currency_code", "DISTRICT_NURSING"), entry("currency_type", "SERVICE"),
                entry("provider_code", "R0C"), entry("start_date", "2024-10-01"), entry("unit_type", "contact"));
    }

    @Test
    void conditionsBecomeDiagnosesRowsPreferringIcd10ToSnomed() {
        assertThat(hospitalDiagnoses.rows()).containsExactly(
                Map.of("person_id", "9990000018", "code_system", "ICD10", "code", "I500", "recorded_date", "2024-05-02"),
                Map.of("person_id", "9990000018", "code_system", "SNOMED", "code", "38341003", "recorded_date", ""));
        assertThat(hospital.diagnosesWritten()).isEqualTo(2);
    }

    @Test
    void encounterWithoutStartIsSkippedWithItsReasonAndPlace() {
        assertThat(hospitalActivity.rows()).extracting(r -> r.get("source_record_id"))
                .doesNotContain("Encounter/enc-no-start");
        assertThat(hospital.skipped()).anySatisfy(skip -> {
            assertThat(skip.resourceType()).isEqualTo("Encounter");
            assertThat(skip.reason()).contains("period.start");
            assertThat(skip.count()).isEqualTo(1);
            assertThat(skip.firstExample()).contains("hospital-bundle.json line").contains("Encounter/enc-no-start");
        });
    }

    @Test
    void everyResourceReadIsAccountedForExactlyOnce() {
        int accounted = hospital.activityRowsWritten() + hospital.diagnosesWritten()
                + hospital.attachedToOtherRowsByType().values().stream().mapToInt(Integer::intValue).sum()
                + hospital.usedForReferenceByType().values().stream().mapToInt(Integer::intValue).sum()
                + hospital.skippedCount();

        assertThat(hospital.resourcesRead()).isEqualTo(18).isEqualTo(accounted);
        assertThat(hospital.activityRowsWritten()).isEqualTo(7).isEqualTo(hospitalActivity.rows().size());
        assertThat(hospital.usedForReferenceByType()).containsOnly(entry("Organization", 1), entry("Patient", 1));
        assertThat(hospital.files()).containsExactly(
                new FhirImportResult.FileCounts("hospital-bundle.json", 18, 7, 2, 4));
    }

    @Test
    void unknownAndUnconvertedResourceTypesAreCountedAndSkippedNotFatal() throws Exception {
        FhirImportResult result = IMPORT.convert(resource("unknown-types"), temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(result.resourcesReadByType()).contains(entry("SpaceshipVoyage", 1), entry("Observation", 1),
                entry("Immunization", 1), entry("Patient", 1));
        assertThat(result.skippedByType()).contains(entry("SpaceshipVoyage", 1), entry("Observation", 1),
                entry("Immunization", 1), entry("Patient", 1), entry("(entry without resource)", 1));
        assertThat(result.skipped()).anySatisfy(skip -> assertThat(skip.reason()).isEqualTo("not a FHIR R4 resource type"));
        assertThat(result.activityRowsWritten()).isZero();
        assertThat(CsvTestFile.read(temp.resolve("a.csv")).rows()).isEmpty();
    }

    @Test
    void malformedJsonFailsNamingTheFileLineAndColumnAndWritesNothing() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("broken.json"), """
                {
                  "resourceType": "Bundle",
                  "type": "collection",
                  "entry": [ { "resource": { "resourceType": "Patient", "id": "p" } ,, ]
                }
                """);
        Path activity = temp.resolve("out/activity/fhir.csv");

        assertThatThrownBy(() -> IMPORT.convert(in, activity, temp.resolve("out/diagnoses-fhir.csv")))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("broken.json line 4, column ")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("Correct the file");
        assertThat(activity).doesNotExist();
        assertThat(temp.resolve("out/activity")).isEmptyDirectory();
    }

    @Test
    void jsonFileHoldingASingleResourceInsteadOfABundleFailsSayingWhatToDo() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("patient.json"), """
                { "resourceType": "Patient", "id": "p1" }
                """);

        assertThatThrownBy(() -> IMPORT.convert(in, temp.resolve("a.csv"), temp.resolve("d.csv")))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("patient.json is not a FHIR Bundle")
                .hasMessageContaining("'Patient'")
                .hasMessageContaining(".ndjson");
    }

    @Test
    void malformedNdjsonLineFailsNamingItsLine() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("resources.ndjson"), """
                {"resourceType":"Patient","id":"p1"}
                {"resourceType":"Patient","id": p2}
                """);

        assertThatThrownBy(() -> IMPORT.convert(in, temp.resolve("a.csv"), temp.resolve("d.csv")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("resources.ndjson line 2, column ");
    }

    @Test
    void ndjsonResourcesConvertLikeBundleEntries() throws Exception {
        FhirImportResult result = IMPORT.convert(resource("ndjson"), temp.resolve("a.csv"), temp.resolve("d.csv"));
        CsvTestFile activity = CsvTestFile.read(temp.resolve("a.csv"));

        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-home-visit")).contains(
                entry("setting", "community"), entry("service_code", "COMMUNITY_MATRON"), entry("provider_code", "R0C"),
                entry("start_date", "2024-11-05"), entry("nhs_number", "9990000034"), entry("sex", "1"));
        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-gp")).contains(
                entry("setting", "primary_care"), entry("service_code", "GP_TELEPHONE"), entry("provider_code", "P90001"),
                entry("unit_type", "consultation"), entry("nhs_number", "9990000042"), entry("start_date", "2024-12-03"));
        assertThat(result.files()).containsExactly(new FhirImportResult.FileCounts("community.ndjson", 5, 3, 0, 0));
    }

    @Test
    void explanationOfBenefitWithoutEncounterBecomesRowOfItsItemsWithItsCost() throws Exception {
        IMPORT.convert(resource("ndjson"), temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(CsvTestFile.read(temp.resolve("a.csv")).rowWhere("source_record_id", "ExplanationOfBenefit/eob-physio"))
                .contains(entry("setting", "community"), entry("service_code", "PHYSIOTHERAPY"), entry("units", "2"),
                        entry("unit_type", "contact"), entry("start_date", "2024-11-20"), entry("end_date", "2024-11-27"),
                        entry("local_cost", "91.00"), entry("provider_code", "R0C"));
    }

    @Test
    void resourceRepeatedInTwoFilesIsConvertedOnceAndTheRepeatSkipped() throws Exception {
        FhirImportResult result = IMPORT.convert(resource("across-files"), temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(CsvTestFile.read(temp.resolve("a.csv")).rows()).hasSize(1);
        assertThat(result.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.reason()).contains("already converted from file part-1.json");
            assertThat(skip.firstExample()).startsWith("part-2.json");
        });
    }

    @Test
    void encounterWithPartialStartDateIsSkippedWithReason() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("partial.json"), """
                { "resourceType": "Bundle", "type": "collection", "entry": [ { "resource": {
                    "resourceType": "Encounter", "id": "e1", "class": { "code": "EMER" },
                    "subject": { "reference": "Patient/somebody" }, "period": { "start": "2024-05" },
                    "serviceProvider": { "identifier": { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "R0A" } } } } ] }
                """);

        FhirImportResult result = IMPORT.convert(in, temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(result.activityRowsWritten()).isZero();
        assertThat(result.skipped()).singleElement()
                .satisfies(skip -> assertThat(skip.reason()).contains("'2024-05' is not a full date"));
    }

    @Test
    void entryThatHapiCannotReadIsSkippedWithItsReasonAndTheRestConverted() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("bad-entry.json"), """
                { "resourceType": "Bundle", "type": "collection", "entry": [
                  { "resource": { "resourceType": "Patient", "id": "p1", "gender": "banana" } },
                  { "resource": { "resourceType": "Encounter", "id": "e1", "class": { "code": "EMER" },
                      "subject": { "reference": "Patient/p1" }, "period": { "start": "2024-03-05" },
                      "serviceProvider": { "identifier": { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "R0A" } } } }
                ] }
                """);

        FhirImportResult result = IMPORT.convert(in, temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(result.activityRowsWritten()).isEqualTo(1);
        assertThat(result.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.resourceType()).isEqualTo("Patient");
            assertThat(skip.reason()).startsWith("could not be read as FHIR R4").contains("banana");
            assertThat(skip.firstExample()).isEqualTo("bad-entry.json line 2 (Patient/p1)");
        });
        assertThat(CsvTestFile.read(temp.resolve("a.csv")).rowWhere("source_record_id", "Encounter/e1"))
                .containsEntry("local_person_id", "p1");
    }

    @Test
    void activityCsvLoadsIntoDuckDbWithEveryFieldWhole() throws Exception {
        Path out = temp.resolve("activity.csv");
        IMPORT.convert(resource("hospital"), out, temp.resolve("d.csv"));

        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT family_name, local_cost FROM read_csv("
                        + DuckDb.literal(out.toString()) + ", header = true, all_varchar = true)"
                        + " WHERE source_record_id = 'Encounter/enc-inpatient'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("family_name")).isEqualTo("Smith, Jones");
            assertThat(new BigDecimal(rows.getString("local_cost"))).isEqualByComparingTo("3456.78");
        }
    }

    @Test
    void admissionRulesChoosePointOfDeliveryFromMethodThenAdmitSourceThenPriorityThenLength() throws Exception {
        IMPORT.convert(resource("encounter-rules"), temp.resolve("a.csv"), temp.resolve("d.csv"));
        CsvTestFile activity = CsvTestFile.read(temp.resolve("a.csv"));

        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-from-ae")).containsEntry("point_of_delivery", "NEL");
        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-urgent")).containsEntry("point_of_delivery", "NEL");
        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-planned")).containsEntry("point_of_delivery", "EL");
        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-elective-method"))
                .containsEntry("point_of_delivery", "EL");
    }

    @Test
    void outpatientAttendanceIsAFollowUpUnlessMarkedFirst() throws Exception {
        IMPORT.convert(resource("encounter-rules"), temp.resolve("a.csv"), temp.resolve("d.csv"));
        CsvTestFile activity = CsvTestFile.read(temp.resolve("a.csv"));

        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-unmarked-outpatient"))
                .contains(entry("point_of_delivery", "OPFU"), entry("currency_code", "WF01A"));
        assertThat(activity.rowWhere("source_record_id", "Encounter/enc-follow-up-code"))
                .contains(entry("point_of_delivery", "OPFU"), entry("service_code", "300"));
    }

    @Test
    void cancelledEncounterAndCostSpreadOverTwoEncountersAreSkippedWithReasons() throws Exception {
        FhirImportResult result = IMPORT.convert(resource("encounter-rules"), temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(result.activityRowsWritten()).isEqualTo(6);
        assertThat(result.skipped()).extracting(FhirImportResult.SkippedResources::reason).containsExactlyInAnyOrder(
                "status is cancelled: the encounter did not take place",
                "it costs 2 encounters or prescriptions; one total cannot be split between them, so no cost is attached");
        assertThat(CsvTestFile.read(temp.resolve("a.csv")).rows()).extracting(row -> row.get("local_cost")).containsOnly("");
    }

    @Test
    void csvHeadersAreTheInputFormatColumnsInOrder() {
        assertThat(hospitalActivity.header()).isEqualTo(InputFile.ACTIVITY.columnNames());
        assertThat(hospitalDiagnoses.header()).isEqualTo(InputFile.DIAGNOSES.columnNames());
    }

    @Test
    void familyNameWithACommaIsQuotedInTheCsv() throws Exception {
        Path out = temp.resolve("activity.csv");
        IMPORT.convert(resource("hospital"), out, temp.resolve("d.csv"));

        String firstRow = Files.readAllLines(out).get(1);
        assertThat(firstRow).contains(",\"Smith, Jones\",");
        assertThat(CsvOutput.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvOutput.quoted("plain")).isEqualTo("plain");
    }

    @Test
    void missingFolderIsReportedAsInputNotFound() {
        assertThatThrownBy(() -> IMPORT.convert(temp.resolve("nowhere"), temp.resolve("a.csv"), temp.resolve("d.csv")))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.INPUT_NOT_FOUND))
                .hasMessageContaining("nowhere");
    }

    @Test
    void emptyFolderWritesHeaderOnlyFiles() throws Exception {
        Path in = Files.createDirectories(temp.resolve("empty"));

        FhirImportResult result = IMPORT.convert(in, temp.resolve("a.csv"), temp.resolve("d.csv"));

        assertThat(result.files()).isEmpty();
        assertThat(Files.readAllLines(temp.resolve("a.csv"))).containsExactly(String.join(",", InputFile.ACTIVITY.columnNames()));
    }

    static Path resource(String folder) throws URISyntaxException {
        return Path.of(FhirImportTest.class.getResource(folder).toURI());
    }
}
