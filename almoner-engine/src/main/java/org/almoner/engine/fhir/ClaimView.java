package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * What the import needs from a Claim or an ExplanationOfBenefit, which carry the same facts in
 * slightly different places.
 *
 * @param targets the Encounters its items name and the prescription it is for: what it costs
 * @param claim for an ExplanationOfBenefit, the Claim it adjudicates
 */
record ClaimView(SourceResource source, boolean adjudicated, String status, Optional<Money> amount,
        List<Reference> targets, Reference claim, String typeCode, Reference provider, Reference patient,
        Period billablePeriod, List<CodeableConcept> itemServices, List<Type> itemServiced, DateTimeType created) {

    ClaimView {
        requireNonNull(source, "source is null");
        requireNonNull(status, "status is null");
        requireNonNull(amount, "amount is null");
        targets = List.copyOf(targets);
        itemServices = List.copyOf(itemServices);
        itemServiced = List.copyOf(itemServiced);
    }

    static ClaimView of(SourceResource source) {
        return switch (source.resource()) {
            case Claim claim -> ofClaim(source, claim);
            case ExplanationOfBenefit eob -> ofExplanation(source, eob);
            default -> throw new IllegalArgumentException("not a Claim or ExplanationOfBenefit: " + source.resourceType());
        };
    }

    private static ClaimView ofClaim(SourceResource source, Claim claim) {
        List<Reference> targets = new ArrayList<>();
        List<CodeableConcept> services = new ArrayList<>();
        List<Type> serviced = new ArrayList<>();
        for (Claim.ItemComponent item : claim.getItem()) {
            targets.addAll(item.getEncounter());
            services.add(item.getProductOrService());
            if (item.hasServiced()) {
                serviced.add(item.getServiced());
            }
        }
        if (claim.hasPrescription()) {
            targets.add(claim.getPrescription());
        }
        return new ClaimView(source, false, claim.hasStatus() ? claim.getStatus().toCode() : "",
                claim.hasTotal() ? Optional.of(claim.getTotal()) : Optional.empty(), targets, null,
                Codings.firstCode(claim.getType()).orElse(""), claim.getProvider(), claim.getPatient(),
                claim.getBillablePeriod(), services, serviced, claim.getCreatedElement());
    }

    private static ClaimView ofExplanation(SourceResource source, ExplanationOfBenefit eob) {
        List<Reference> targets = new ArrayList<>();
        List<CodeableConcept> services = new ArrayList<>();
        List<Type> serviced = new ArrayList<>();
        for (ExplanationOfBenefit.ItemComponent item : eob.getItem()) {
            targets.addAll(item.getEncounter());
            services.add(item.getProductOrService());
            if (item.hasServiced()) {
                serviced.add(item.getServiced());
            }
        }
        if (eob.hasPrescription()) {
            targets.add(eob.getPrescription());
        }
        return new ClaimView(source, true, eob.hasStatus() ? eob.getStatus().toCode() : "", explanationAmount(eob),
                targets, eob.hasClaim() ? eob.getClaim() : null, Codings.firstCode(eob.getType()).orElse(""),
                eob.getProvider(), eob.getPatient(), eob.getBillablePeriod(), services, serviced, eob.getCreatedElement());
    }

    /** The benefit total (what the payer agreed to pay), else payment.amount, else the submitted or only total. */
    private static Optional<Money> explanationAmount(ExplanationOfBenefit eob) {
        Optional<Money> benefit = total(eob, "benefit");
        if (benefit.isPresent()) {
            return benefit;
        }
        if (eob.hasPayment() && eob.getPayment().hasAmount()) {
            return Optional.of(eob.getPayment().getAmount());
        }
        Optional<Money> submitted = total(eob, "submitted");
        if (submitted.isPresent()) {
            return submitted;
        }
        return eob.getTotal().size() == 1 && eob.getTotalFirstRep().hasAmount()
                ? Optional.of(eob.getTotalFirstRep().getAmount())
                : Optional.empty();
    }

    private static Optional<Money> total(ExplanationOfBenefit eob, String category) {
        return eob.getTotal().stream()
                .filter(total -> Codings.firstCode(total.getCategory()).filter(category::equals).isPresent())
                .filter(ExplanationOfBenefit.TotalComponent::hasAmount)
                .map(ExplanationOfBenefit.TotalComponent::getAmount)
                .findFirst();
    }

    /** The first item's serviced date, or the start of its serviced period. */
    Optional<DateTimeType> firstServicedDate() {
        for (Type serviced : itemServiced) {
            if (serviced instanceof DateType date && date.hasValue()) {
                return Optional.of(new DateTimeType(date.getValueAsString()));
            }
            if (serviced instanceof Period period && period.hasStart()) {
                return Optional.of(period.getStartElement());
            }
        }
        return Optional.empty();
    }
}
