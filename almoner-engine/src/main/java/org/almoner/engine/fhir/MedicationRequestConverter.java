package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.almoner.engine.format.Setting;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;

/** Makes one prescribing row (one item) from a MedicationRequest (docs/fhir-mapping.md). */
final class MedicationRequestConverter {

    private final BundleIndex index;

    MedicationRequestConverter(BundleIndex index) {
        this.index = requireNonNull(index, "index is null");
    }

    ActivityRow convert(SourceResource source) {
        MedicationRequest request = (MedicationRequest) source.resource();
        if (request.hasStatus()) {
            switch (request.getStatus()) {
                case CANCELLED -> throw new ResourceSkipped("status is cancelled: nothing was prescribed");
                case ENTEREDINERROR -> throw new ResourceSkipped("status is entered-in-error");
                case DRAFT -> throw new ResourceSkipped("status is draft: not yet issued");
                default -> { }
            }
        }
        if (request.hasIntent() && (request.getIntent() == MedicationRequest.MedicationRequestIntent.PROPOSAL
                || request.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN)) {
            throw new ResourceSkipped("intent is " + request.getIntent().toCode() + ": not an issued prescription");
        }
        PersonIdentity person = PersonIdentity.of(request.getSubject(), "subject", index);
        LocalDate start = Codings.date(request.getAuthoredOnElement(), "authoredOn")
                .orElseThrow(() -> new ResourceSkipped("no authoredOn, so no prescribing date; give the date it was issued"));
        Medicines.PrescribingCodes codes = Medicines.prescribingCodes(medicineCodes(request))
                .orElseThrow(() -> new ResourceSkipped("no medication code (BNF, dm+d or SNOMED CT)"));
        String provider = Providers.code(request.getDispenseRequest().getPerformer(), index)
                .or(() -> Providers.code(request.getRequester(), index))
                .orElseThrow(() -> new ResourceSkipped(
                        "no provider: neither dispenseRequest.performer nor requester leads to an ODS code"));
        String diagnosis = Codings.icd10(request.getReasonCode())
                .or(() -> request.getReasonReference().stream()
                        .map(reference -> index.resolve(reference, Condition.class).flatMap(c -> Codings.icd10(c.getCode())))
                        .flatMap(Optional::stream).findFirst())
                .orElse("");
        return new ActivityRow(source.recordId(), Setting.PRESCRIBING, person, provider, codes.serviceCode(), "",
                start, Optional.empty(), BigDecimal.ONE, "item", codes.currencyCode(), codes.currencyType(), diagnosis,
                Optional.empty(), Codings.lastUpdated(request));
    }

    private List<CodeableConcept> medicineCodes(MedicationRequest request) {
        if (request.hasMedicationCodeableConcept()) {
            return List.of(request.getMedicationCodeableConcept());
        }
        if (request.hasMedicationReference()) {
            return index.resolve(request.getMedicationReference(), Medication.class)
                    .filter(Medication::hasCode)
                    .map(medication -> List.of(medication.getCode()))
                    .orElse(List.of());
        }
        return List.of();
    }
}
