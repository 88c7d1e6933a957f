package org.almoner.engine.fhir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.format.InputFile;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Converts a folder of FHIR R4 Bundles (JSON) into an activity CSV and a diagnoses CSV in
 * Almoner's input formats. The mapping is in docs/fhir-mapping.md. Resources of other types are
 * counted and skipped; a resource lacking what a row needs is skipped with a counted reason; a
 * file that is not a FHIR JSON Bundle stops the import, naming the file, line and column.
 */
public final class FhirImport {

    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
    static final String SNOMED_SYSTEM = "http://snomed.info/sct";
    static final String SOURCE_SYSTEM = "FHIR";

    // Building a FhirContext scans the whole R4 model, which takes seconds: once per process.
    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final Map<String, Long> read = new HashMap<>();
    private final Map<String, Long> skipped = new HashMap<>();

    /** Converts every {@code *.json} Bundle in {@code folder}; both outputs appear whole or not at all. */
    public FhirImportResult convert(Path folder, Path activityCsv, Path diagnosesCsv) {
        requireNonNull(folder, "folder is null");
        List<Path> files = bundleFiles(folder);
        Path activityTemporary = temporaryBeside(activityCsv);
        Path diagnosesTemporary = temporaryBeside(diagnosesCsv);
        try {
            long activityRows;
            long diagnosisRows;
            try (BufferedWriter activityOut = Files.newBufferedWriter(activityTemporary, UTF_8);
                    BufferedWriter diagnosesOut = Files.newBufferedWriter(diagnosesTemporary, UTF_8)) {
                CsvRows activity = new CsvRows(activityOut, InputFile.ACTIVITY.columnNames());
                CsvRows diagnoses = new CsvRows(diagnosesOut, InputFile.DIAGNOSES.columnNames());
                IParser parser = CONTEXT.newJsonParser();
                for (Path file : files) {
                    convertBundle(file, parse(parser, file), activity, diagnoses);
                }
                activityRows = activity.rows();
                diagnosisRows = diagnoses.rows();
            }
            Files.move(activityTemporary, activityCsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(diagnosesTemporary, diagnosesCsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new FhirImportResult(files.size(), read, activityRows, diagnosisRows, skipped);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write the rows converted from FHIR: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(activityTemporary);
            deleteQuietly(diagnosesTemporary);
        }
    }

    private static List<Path> bundleFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The FHIR folder " + folder + " does not exist.");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Bundle parse(IParser parser, Path file) {
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            IBaseResource resource = parser.parseResource(reader);
            if (resource instanceof Bundle bundle) {
                return bundle;
            }
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + ", line 1, column 1: this is a FHIR "
                    + resource.fhirType() + ", not a Bundle. Put resources in a Bundle (type collection or transaction).");
        } catch (DataFormatException e) {
            Matcher where = LINE_AND_COLUMN.matcher(String.valueOf(e.getMessage()));
            String position = where.find() ? ", line " + where.group(1) + ", column " + where.group(2) : "";
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + position + ": this is not valid FHIR R4 JSON ("
                    + firstSentence(e.getMessage()) + "). Check the file is complete JSON with a resourceType.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + ": cannot be read as UTF-8 text (" + e.getMessage()
                    + "). Save it as UTF-8.");
        }
    }

    private void convertBundle(Path file, Bundle bundle, CsvRows activity, CsvRows diagnoses) throws IOException {
        Map<String, Resource> byReference = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                byReference.put(entry.getFullUrl(), resource);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                byReference.put(resource.fhirType() + "/" + logicalId(resource), resource);
            }
        }
        Bundles resolver = new Bundles(byReference);
        Map<String, String> costs = claimedCosts(bundle, resolver);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            read.merge(resource.fhirType(), 1L, Long::sum);
            switch (resource) {
                case Encounter encounter -> encounterRow(encounter, resolver, costs).ifPresent(row -> write(activity, row));
                case MedicationRequest request -> prescribingRow(request, resolver).ifPresent(row -> write(activity, row));
                case Procedure procedure -> {
                    if (procedure.hasEncounter()) {
                        skip("Procedure within an Encounter (counted in its encounter, not twice)");
                    } else {
                        procedureRow(procedure, resolver).ifPresent(row -> write(activity, row));
                    }
                }
                case Condition condition -> diagnosisRow(condition, resolver).ifPresent(row -> write(diagnoses, row));
                case Claim claim -> {
                    if (!claimEncounter(claim.getItem().stream().flatMap(item -> item.getEncounter().stream()).toList(), resolver).isPresent()) {
                        skip("Claim not linked to an Encounter in its bundle");
                    }
                }
                case ExplanationOfBenefit benefit -> {
                    if (!claimEncounter(benefit.getItem().stream().flatMap(item -> item.getEncounter().stream()).toList(), resolver).isPresent()) {
                        skip("ExplanationOfBenefit not linked to an Encounter in its bundle");
                    }
                }
                case Patient patient -> {
                    // Identifies the people the other resources are about; no row of its own.
                }
                case Organization organization -> {
                    // Gives providers' ODS codes; no row of its own.
                }
                default -> skip("resource type " + resource.fhirType() + " is not an activity source");
            }
        }
    }

    private void write(CsvRows rows, Map<String, String> row) {
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<Map<String, String>> encounterRow(Encounter encounter, Bundles resolver, Map<String, String> costs) {
        if (!encounter.hasPeriod() || !encounter.getPeriod().hasStart()) {
            return skipped("Encounter without period.start");
        }
        String classCode = encounter.hasClass_() ? encounter.getClass_().getCode() : "";
        LocalDate start = date(encounter.getPeriod().getStart());
        LocalDate end = encounter.getPeriod().hasEnd() ? date(encounter.getPeriod().getEnd()) : null;
        Map<String, String> row = personRow(encounter.getSubject(), resolver);
        switch (classCode == null ? "" : classCode) {
            case "IMP", "ACUTE", "NONAC", "OBSENC" -> {
                row.put("setting", "admitted_patient_care");
                row.put("unit_type", "spell");
                boolean emergency = encounter.hasPriority() && encounter.getPriority().getCoding().stream()
                        .anyMatch(coding -> List.of("EM", "UR", "S", "A").contains(coding.getCode()));
                row.put("point_of_delivery", emergency ? "NEL" : start.equals(end) ? "DC" : "EL");
            }
            case "AMB" -> {
                row.put("setting", "outpatients");
                row.put("unit_type", "attendance");
                boolean first = encounter.getType().stream().map(CodeableConcept::getText).anyMatch(text -> text != null
                        && text.toLowerCase(Locale.ROOT).contains("first"));
                row.put("point_of_delivery", first ? "OPFA" : "OPFU");
                row.put("currency_type", "HRG");
                row.put("currency_code", first ? "WF01B" : "WF01A");
            }
            case "EMER" -> {
                row.put("setting", "a_and_e");
                row.put("unit_type", "attendance");
                row.put("point_of_delivery", "AE");
            }
            case "HH" -> {
                row.put("setting", "community");
                row.put("unit_type", "contact");
            }
            case "VR" -> {
                row.put("setting", "primary_care");
                row.put("unit_type", "consultation");
            }
            default -> {
                return skipped("Encounter of class " + (classCode == null || classCode.isEmpty() ? "(none)" : classCode)
                        + " has no activity setting");
            }
        }
        Optional<String> provider = organisationCode(encounter.getServiceProvider(), resolver);
        if (provider.isEmpty()) {
            return skipped("Encounter without a serviceProvider ODS code");
        }
        row.put("source_record_id", "Encounter/" + logicalId(encounter));
        row.put("provider_code", provider.get());
        row.put("service_code", firstCode(encounter.getServiceType())
                .or(() -> encounter.getType().stream().map(FhirImport::firstCode).flatMap(Optional::stream).findFirst())
                .orElse(classCode));
        row.put("start_date", start.toString());
        row.put("end_date", end == null ? "" : end.toString());
        row.put("units", "1");
        row.put("primary_diagnosis", encounter.getReasonCode().stream().map(concept -> code(concept, ICD10_SYSTEM))
                .flatMap(Optional::stream).findFirst()
                .or(() -> encounter.getDiagnosis().stream()
                        .map(diagnosis -> resolver.resolve(diagnosis.getCondition(), Condition.class)
                                .flatMap(condition -> code(condition.getCode(), ICD10_SYSTEM)))
                        .flatMap(Optional::stream).findFirst())
                .map(FhirImport::withoutDot).orElse(""));
        row.put("local_cost", costs.getOrDefault("Encounter/" + logicalId(encounter), ""));
        return Optional.of(row);
    }

    private Optional<Map<String, String>> prescribingRow(MedicationRequest request, Bundles resolver) {
        if (!request.hasAuthoredOn()) {
            return skipped("MedicationRequest without authoredOn");
        }
        Optional<String> provider = request.hasDispenseRequest() && request.getDispenseRequest().hasPerformer()
                ? organisationCode(request.getDispenseRequest().getPerformer(), resolver)
                : organisationCode(request.getRequester(), resolver);
        if (provider.isEmpty()) {
            return skipped("MedicationRequest without a dispensing or requesting organisation ODS code");
        }
        Map<String, String> row = personRow(request.getSubject(), resolver);
        row.put("source_record_id", "MedicationRequest/" + logicalId(request));
        row.put("setting", "prescribing");
        row.put("provider_code", provider.get());
        row.put("service_code", "PRESCRIPTION");
        row.put("start_date", date(request.getAuthoredOn()).toString());
        row.put("units", "1");
        row.put("unit_type", "item");
        if (request.hasMedicationCodeableConcept()) {
            Optional<Coding> bnf = request.getMedicationCodeableConcept().getCoding().stream()
                    .filter(coding -> coding.getSystem() != null && coding.getSystem().toLowerCase(Locale.ROOT).contains("bnf")).findFirst();
            bnf.ifPresent(coding -> {
                row.put("currency_type", "BNF");
                row.put("currency_code", coding.getCode());
            });
        }
        return Optional.of(row);
    }

    private Optional<Map<String, String>> procedureRow(Procedure procedure, Bundles resolver) {
        Date performed = procedure.hasPerformedDateTimeType() ? procedure.getPerformedDateTimeType().getValue()
                : procedure.hasPerformedPeriod() ? procedure.getPerformedPeriod().getStart() : null;
        if (performed == null) {
            return skipped("Procedure without a performed date");
        }
        Optional<String> provider = procedure.getPerformer().stream()
                .map(performer -> organisationCode(performer.getOnBehalfOf(), resolver)).flatMap(Optional::stream).findFirst();
        if (provider.isEmpty()) {
            return skipped("Procedure without a performer organisation ODS code");
        }
        Map<String, String> row = personRow(procedure.getSubject(), resolver);
        row.put("source_record_id", "Procedure/" + logicalId(procedure));
        row.put("setting", "community");
        row.put("provider_code", provider.get());
        row.put("service_code", firstCode(procedure.getCode()).orElse("PROCEDURE"));
        row.put("start_date", date(performed).toString());
        row.put("units", "1");
        row.put("unit_type", "contact");
        return Optional.of(row);
    }

    private Optional<Map<String, String>> diagnosisRow(Condition condition, Bundles resolver) {
        Optional<Patient> patient = resolver.resolve(condition.getSubject(), Patient.class);
        if (patient.isEmpty()) {
            return skipped("Condition whose subject is not a Patient in its bundle");
        }
        Optional<String> icd10 = code(condition.getCode(), ICD10_SYSTEM);
        Optional<String> snomed = code(condition.getCode(), SNOMED_SYSTEM);
        if (icd10.isEmpty() && snomed.isEmpty()) {
            return skipped("Condition coded in neither ICD-10 nor SNOMED CT");
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("person_id", nhsNumber(patient.get()).orElse(logicalId(patient.get())));
        row.put("code_system", icd10.isPresent() ? "ICD10" : "SNOMED");
        row.put("code", icd10.map(FhirImport::withoutDot).orElseGet(snomed::get));
        Date recorded = condition.hasRecordedDate() ? condition.getRecordedDate()
                : condition.hasOnsetDateTimeType() ? condition.getOnsetDateTimeType().getValue() : null;
        row.put("recorded_date", recorded == null ? "" : date(recorded).toString());
        return Optional.of(row);
    }

    /** Costs claimed for encounters: ExplanationOfBenefit.total or payment, else Claim.total, in pounds. */
    private Map<String, String> claimedCosts(Bundle bundle, Bundles resolver) {
        Map<String, String> costs = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Claim claim && claim.hasTotal()) {
                claimEncounter(claim.getItem().stream().flatMap(item -> item.getEncounter().stream()).toList(), resolver)
                        .ifPresent(encounter -> pounds(claim.getTotal()).ifPresent(amount -> costs.putIfAbsent(encounter, amount)));
            }
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof ExplanationOfBenefit benefit) {
                Optional<Money> paid = benefit.hasPayment() && benefit.getPayment().hasAmount()
                        ? Optional.of(benefit.getPayment().getAmount())
                        : benefit.getTotal().stream().filter(total -> total.hasAmount()).map(total -> total.getAmount()).findFirst();
                claimEncounter(benefit.getItem().stream().flatMap(item -> item.getEncounter().stream()).toList(), resolver)
                        .ifPresent(encounter -> paid.flatMap(FhirImport::pounds).ifPresent(amount -> costs.put(encounter, amount)));
            }
        }
        return costs;
    }

    private static Optional<String> claimEncounter(List<Reference> references, Bundles resolver) {
        return references.stream().map(reference -> resolver.resolve(reference, Encounter.class)).flatMap(Optional::stream)
                .map(encounter -> "Encounter/" + logicalId(encounter)).findFirst();
    }

    private static Optional<String> pounds(Money money) {
        if (!money.hasValue() || (money.hasCurrency() && !"GBP".equals(money.getCurrency()))) {
            return Optional.empty();
        }
        return Optional.of(money.getValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    private static Map<String, String> personRow(Reference subject, Bundles resolver) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("source_system", SOURCE_SYSTEM);
        resolver.resolve(subject, Patient.class).ifPresent(patient -> {
            row.put("nhs_number", nhsNumber(patient).orElse(""));
            row.put("local_person_id", logicalId(patient));
            if (patient.hasName()) {
                row.put("given_name", patient.getNameFirstRep().getGivenAsSingleString());
                row.put("family_name", patient.getNameFirstRep().getFamily());
            }
            if (patient.hasBirthDate()) {
                row.put("date_of_birth", date(patient.getBirthDate()).toString());
            }
            if (patient.hasGender()) {
                row.put("sex", switch (patient.getGender()) {
                    case MALE -> "1";
                    case FEMALE -> "2";
                    case OTHER -> "9";
                    default -> "0";
                });
            }
            if (patient.hasAddress() && patient.getAddressFirstRep().hasPostalCode()) {
                row.put("postcode", patient.getAddressFirstRep().getPostalCode());
            }
        });
        return row;
    }

    private static Optional<String> nhsNumber(Patient patient) {
        return patient.getIdentifier().stream().filter(identifier -> NHS_NUMBER_SYSTEM.equals(identifier.getSystem()))
                .map(Identifier::getValue).findFirst();
    }

    private static Optional<String> organisationCode(Reference reference, Bundles resolver) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (reference.hasIdentifier() && ODS_SYSTEM.equals(reference.getIdentifier().getSystem())) {
            return Optional.ofNullable(reference.getIdentifier().getValue());
        }
        return resolver.resolve(reference, Organization.class)
                .flatMap(organization -> organization.getIdentifier().stream()
                        .filter(identifier -> ODS_SYSTEM.equals(identifier.getSystem())).map(Identifier::getValue).findFirst());
    }

    private static Optional<String> firstCode(CodeableConcept concept) {
        return concept == null ? Optional.empty() : concept.getCoding().stream().map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank()).findFirst();
    }

    private static Optional<String> code(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(coding -> system.equals(coding.getSystem())).map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank()).findFirst();
    }

    /**
     * The resource's own id. HAPI gives resources in a bundle their entry's full URL as id; for
     * urn:uuid full URLs the part after the prefix is the id a person would recognise.
     */
    private static String logicalId(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        if (id == null) {
            return "";
        }
        return id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
    }

    private static String withoutDot(String code) {
        return code.replace(".", "");
    }

    private static LocalDate date(Date date) {
        return date.toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate();
    }

    private <T> Optional<T> skipped(String reason) {
        skip(reason);
        return Optional.empty();
    }

    private void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    private static Path temporaryBeside(Path file) {
        try {
            Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.createTempFile(folder, "." + file.getFileName(), ".incomplete");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot write beside " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover hidden temporary file is harmless; the real output was already moved or never made.
        }
    }

    private static String firstSentence(String message) {
        String text = message == null ? "" : message.replace('\n', ' ');
        int cut = text.indexOf(" at [Source");
        return (cut > 0 ? text.substring(0, cut) : text).strip();
    }

    /** Looks resources up within one bundle by full URL or by "Type/id". */
    private record Bundles(Map<String, Resource> byReference) {

        <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
            if (reference == null || !reference.hasReference()) {
                return Optional.empty();
            }
            Resource resource = byReference.get(reference.getReference());
            return type.isInstance(resource) ? Optional.of(type.cast(resource)) : Optional.empty();
        }
    }
}
