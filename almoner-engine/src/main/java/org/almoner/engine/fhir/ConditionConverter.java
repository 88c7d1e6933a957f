package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.hl7.fhir.r4.model.Condition;

/** Makes a diagnoses row from a Condition, preferring ICD-10 to SNOMED CT. */
final class ConditionConverter {

    private static final Set<String> NOT_A_DIAGNOSIS = Set.of("entered-in-error", "refuted");

    private final BundleIndex index;

    ConditionConverter(BundleIndex index) {
        this.index = requireNonNull(index, "index is null");
    }

    DiagnosisRow convert(SourceResource source) {
        Condition condition = (Condition) source.resource();
        Codings.firstCode(condition.getVerificationStatus()).filter(NOT_A_DIAGNOSIS::contains).ifPresent(status -> {
            throw new ResourceSkipped("verificationStatus is " + status);
        });
        PersonIdentity person = PersonIdentity.of(condition.getSubject(), "subject", index);
        if (person.personId().isBlank()) {
            throw new ResourceSkipped("the patient has neither an NHS number nor a logical id to use as person_id");
        }
        var recorded = Codings.dateIfFull(condition.getRecordedDateElement());
        return Codings.icd10(condition.getCode())
                .map(code -> new DiagnosisRow(person.personId(), "ICD10", code, recorded))
                .or(() -> Codings.snomed(condition.getCode())
                        .map(code -> new DiagnosisRow(person.personId(), "SNOMED", code, recorded)))
                .orElseThrow(() -> new ResourceSkipped("no ICD-10 or SNOMED CT code"));
    }
}
