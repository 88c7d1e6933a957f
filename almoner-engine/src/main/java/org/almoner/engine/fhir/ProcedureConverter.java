package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.almoner.engine.format.Setting;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Makes a community contact row from a Procedure that belongs to no Encounter. A Procedure with an
 * Encounter is part of that encounter's row; the caller handles it so it is never counted twice.
 */
final class ProcedureConverter {

    private final BundleIndex index;

    ProcedureConverter(BundleIndex index) {
        this.index = requireNonNull(index, "index is null");
    }

    ActivityRow convert(SourceResource source) {
        Procedure procedure = (Procedure) source.resource();
        if (procedure.hasStatus()) {
            switch (procedure.getStatus()) {
                case NOTDONE -> throw new ResourceSkipped("status is not-done");
                case ENTEREDINERROR -> throw new ResourceSkipped("status is entered-in-error");
                case PREPARATION -> throw new ResourceSkipped("status is preparation: not yet performed");
                default -> { }
            }
        }
        PersonIdentity person = PersonIdentity.of(procedure.getSubject(), "subject", index);
        LocalDate start;
        Optional<LocalDate> end = Optional.empty();
        if (procedure.hasPerformedDateTimeType()) {
            start = Codings.date(procedure.getPerformedDateTimeType(), "performedDateTime").orElseThrow();
        } else if (procedure.hasPerformedPeriod()) {
            start = Codings.date(procedure.getPerformedPeriod().getStartElement(), "performedPeriod.start")
                    .orElseThrow(ProcedureConverter::noDate);
            end = Codings.date(procedure.getPerformedPeriod().getEndElement(), "performedPeriod.end");
            if (end.isPresent() && end.get().isBefore(start)) {
                throw new ResourceSkipped("performedPeriod.end is before performedPeriod.start");
            }
        } else {
            throw noDate();
        }
        String provider = procedure.getPerformer().stream()
                .map(performer -> Providers.code(performer.getOnBehalfOf(), index)
                        .or(() -> Providers.code(performer.getActor(), index)))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ResourceSkipped("no provider: no performer leads to an organisation with an ODS code"));
        String service = Codings.firstCode(procedure.getCategory())
                .or(() -> Codings.firstCode(procedure.getCode()))
                .orElseThrow(() -> new ResourceSkipped("no service code: give category or code"));
        String diagnosis = Codings.icd10(procedure.getReasonCode())
                .or(() -> procedure.getReasonReference().stream()
                        .map(reference -> index.resolve(reference, Condition.class).flatMap(c -> Codings.icd10(c.getCode())))
                        .flatMap(Optional::stream).findFirst())
                .orElse("");
        return new ActivityRow(source.recordId(), Setting.COMMUNITY, person, provider, service, "", start, end,
                BigDecimal.ONE, "contact", service, "SERVICE", diagnosis, Optional.empty(), Codings.lastUpdated(procedure));
    }

    private static ResourceSkipped noDate() {
        return new ResourceSkipped("no performedDateTime or performedPeriod.start, so no contact date");
    }
}
