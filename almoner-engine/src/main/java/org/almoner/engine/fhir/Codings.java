package org.almoner.engine.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/** Reading codes, identifiers and dates out of FHIR data types, by the rules in docs/fhir-mapping.md. */
final class Codings {

    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
    static final String ICD10_UK_SYSTEM = "http://hl7.org/fhir/sid/icd-10-uk";
    static final String SNOMED_SYSTEM = "http://snomed.info/sct";

    private static final Pattern FULL_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    private Codings() {
    }

    /** The ICD-10 code of a concept without the dot ({@code I63.9} becomes {@code I639}). */
    static Optional<String> icd10(CodeableConcept concept) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(coding -> ICD10_SYSTEM.equals(coding.getSystem()) || ICD10_UK_SYSTEM.equals(coding.getSystem()))
                .map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .map(code -> code.replace(".", "").strip().toUpperCase(Locale.ROOT))
                .findFirst();
    }

    /** The first ICD-10 code among several concepts. */
    static Optional<String> icd10(List<CodeableConcept> concepts) {
        return concepts.stream().map(Codings::icd10).flatMap(Optional::stream).findFirst();
    }

    static Optional<String> snomed(CodeableConcept concept) {
        return codeInSystem(concept, SNOMED_SYSTEM);
    }

    static Optional<String> codeInSystem(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(coding -> system.equals(coding.getSystem()))
                .map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .map(String::strip)
                .findFirst();
    }

    /** The first non-blank code of the first concept that has one. */
    static Optional<String> firstCode(List<CodeableConcept> concepts) {
        return concepts.stream().map(Codings::firstCode).flatMap(Optional::stream).findFirst();
    }

    static Optional<String> firstCode(CodeableConcept concept) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank())
                .map(String::strip)
                .findFirst();
    }

    static Optional<String> identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream()
                .filter(identifier -> system.equals(identifier.getSystem()))
                .map(Identifier::getValue)
                .filter(value -> value != null && !value.isBlank())
                .map(String::strip)
                .findFirst();
    }

    /**
     * The calendar date of a FHIR date or dateTime as the source wrote it (no time zone shift), or
     * empty when absent.
     *
     * @throws ResourceSkipped when the element is present but is not a full date
     */
    static Optional<LocalDate> date(BaseDateTimeType element, String field) {
        if (element == null || element.isEmpty()) {
            return Optional.empty();
        }
        String text = element.getValueAsString();
        return Optional.of(fullDate(text).orElseThrow(() -> new ResourceSkipped(
                field + " '" + text + "' is not a full date (year, month and day are needed)")));
    }

    /** As {@link #date} but a partial or invalid date gives empty instead of a skip. */
    static Optional<LocalDate> dateIfFull(BaseDateTimeType element) {
        if (element == null || element.isEmpty()) {
            return Optional.empty();
        }
        return fullDate(element.getValueAsString());
    }

    private static Optional<LocalDate> fullDate(String text) {
        if (text == null || !FULL_DATE.matcher(text).find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The date the resource was last updated, used as the row's recorded date. */
    static Optional<LocalDate> lastUpdated(Resource resource) {
        if (!resource.hasMeta()) {
            return Optional.empty();
        }
        return dateIfFull(resource.getMeta().getLastUpdatedElement());
    }
}
