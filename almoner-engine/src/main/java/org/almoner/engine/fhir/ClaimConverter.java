package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.almoner.engine.format.Setting;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Money;

/**
 * The cost a Claim or ExplanationOfBenefit records, and the standalone row for one that costs no
 * Encounter or prescription in the file.
 */
final class ClaimConverter {

    private static final Set<String> NOT_A_CLAIM = Set.of("cancelled", "entered-in-error", "draft");

    private final BundleIndex index;

    ClaimConverter(BundleIndex index) {
        this.index = requireNonNull(index, "index is null");
    }

    /** @throws ResourceSkipped when the claim was cancelled, entered in error or is a draft */
    static void requireActive(ClaimView claim) {
        if (NOT_A_CLAIM.contains(claim.status())) {
            throw new ResourceSkipped("status is " + claim.status());
        }
    }

    /** The amount in pounds; a missing currency is taken as pounds, any other currency skips the resource. */
    static BigDecimal poundsOf(ClaimView claim) {
        Money money = claim.amount().orElseThrow(() -> new ResourceSkipped(claim.adjudicated()
                ? "no total or payment.amount to take the cost from"
                : "no total to take the cost from"));
        if (!money.hasValue()) {
            throw new ResourceSkipped("the amount has no value");
        }
        if (money.hasCurrency() && !"GBP".equals(money.getCurrency())) {
            throw new ResourceSkipped("the amount is in " + money.getCurrency() + "; only pounds (GBP) are accepted");
        }
        return money.getValue();
    }

    /** A row of the claimed service items, for a claim that costs nothing else in the file. */
    ActivityRow standaloneRow(ClaimView claim) {
        String type = claim.typeCode();
        if (type.equals("institutional")) {
            throw new ResourceSkipped("an institutional claim without an Encounter: whether it was admitted or"
                    + " outpatient care cannot be told; put its Encounter in the bundle and name it in item.encounter");
        }
        BigDecimal cost = poundsOf(claim);
        PersonIdentity person = PersonIdentity.of(claim.patient(), "patient", index);
        LocalDate start = startDate(claim);
        Optional<LocalDate> end = Codings.date(claim.billablePeriod().getEndElement(), "billablePeriod.end");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new ResourceSkipped("billablePeriod.end is before its start");
        }
        String provider = Providers.code(claim.provider(), index)
                .orElseThrow(() -> new ResourceSkipped("no provider: provider is missing or has no ODS code"));
        BigDecimal units = BigDecimal.valueOf(Math.max(1, claim.itemServices().size()));
        Optional<LocalDate> recorded = Codings.lastUpdated(claim.source().resource());
        if (type.equals("pharmacy")) {
            Medicines.PrescribingCodes codes = Medicines.prescribingCodes(claim.itemServices())
                    .orElseThrow(() -> new ResourceSkipped("no item.productOrService code for the medicine"));
            return new ActivityRow(claim.source().recordId(), Setting.PRESCRIBING, person, provider, codes.serviceCode(),
                    "", start, end, units, "item", codes.currencyCode(), codes.currencyType(), "", Optional.of(cost), recorded);
        }
        String service = Codings.firstCode(claim.itemServices())
                .orElseThrow(() -> new ResourceSkipped("no item.productOrService code to give the service"));
        return new ActivityRow(claim.source().recordId(), Setting.COMMUNITY, person, provider, service, "", start, end,
                units, "contact", service, "SERVICE", "", Optional.of(cost), recorded);
    }

    private static LocalDate startDate(ClaimView claim) {
        Optional<LocalDate> start = Codings.date(claim.billablePeriod().getStartElement(), "billablePeriod.start");
        if (start.isEmpty()) {
            Optional<? extends BaseDateTimeType> serviced = claim.firstServicedDate();
            if (serviced.isPresent()) {
                start = Codings.date(serviced.get(), "item.serviced");
            }
        }
        if (start.isEmpty()) {
            start = Codings.date(claim.created(), "created");
        }
        return start.orElseThrow(() -> new ResourceSkipped("no billablePeriod.start, item.serviced or created date"));
    }
}
