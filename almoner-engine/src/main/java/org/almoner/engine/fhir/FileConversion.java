package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Converts the resources of one file, in the order that lets later resources find earlier rows:
 * Encounters and MedicationRequests make rows; Procedures join their Encounter or make a community
 * row; Claims and ExplanationOfBenefits put their cost on the row they cost or make a row;
 * Conditions make diagnoses rows; lookup resources count as used or are skipped.
 */
final class FileConversion {

    /** Resources that never make a row of their own but that rows look up. */
    private static final Set<String> LOOKUP_TYPES = Set.of("Patient", "Organization", "Practitioner",
            "PractitionerRole", "Location", "Medication");

    private final FhirFile file;
    private final ImportTally tally;
    private final Map<String, String> convertedIn;
    private final BundleIndex index;
    private final Map<SourceResource, ActivityRow> rows = new IdentityHashMap<>();
    private final Map<SourceResource, DiagnosisRow> diagnoses = new IdentityHashMap<>();
    private final Set<SourceResource> done = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param convertedIn source_record_id of each resource converted so far (in any file) to the
     *     file it came from, so a resource repeated across files is converted once
     */
    FileConversion(FhirFile file, ImportTally tally, Map<String, String> convertedIn) {
        this.file = requireNonNull(file, "file is null");
        this.tally = requireNonNull(tally, "tally is null");
        this.convertedIn = requireNonNull(convertedIn, "convertedIn is null");
        this.index = new BundleIndex(file.resources());
    }

    /** Activity rows in file order. */
    List<ActivityRow> activityRows() {
        return file.resources().stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /** Diagnoses rows in file order. */
    List<DiagnosisRow> diagnosisRows() {
        return file.resources().stream().map(diagnoses::get).filter(Objects::nonNull).toList();
    }

    void run() {
        for (UnreadEntry entry : file.unread()) {
            tally.read(entry.resourceType());
            tally.skipped(entry.resourceType(), entry.reason(), entry.location());
        }
        file.resources().forEach(source -> tally.read(source.resourceType()));

        EncounterConverter encounters = new EncounterConverter(index);
        MedicationRequestConverter prescriptions = new MedicationRequestConverter(index);
        ProcedureConverter procedures = new ProcedureConverter(index);
        ConditionConverter conditions = new ConditionConverter(index);

        each(Encounter.class, source -> addRow(source, encounters::convert));
        each(MedicationRequest.class, source -> addRow(source, prescriptions::convert));
        each(Procedure.class, source -> procedure(source, procedures));
        claims();
        each(Condition.class, source -> convert(source, () -> {
            DiagnosisRow row = conditions.convert(source);
            claimRecordId(source);
            diagnoses.put(source, row);
            tally.diagnosisRow();
        }));
        for (SourceResource source : file.resources()) {
            if (done.contains(source)) {
                continue;
            }
            if (LOOKUP_TYPES.contains(source.resourceType()) && index.wasUsed(source)) {
                tally.usedForReference(source.resourceType());
            } else if (source.resourceType().equals("Patient")) {
                tally.skipped("Patient", "no converted activity or condition refers to this patient"
                        + " (a Patient alone makes no row)", source.location());
            } else if (LOOKUP_TYPES.contains(source.resourceType())) {
                tally.skipped(source.resourceType(), "used only to look up other resources, and no converted"
                        + " resource refers to it", source.location());
            } else {
                tally.skipped(source.resourceType(), "this resource type is not converted to activity",
                        source.location());
            }
        }
    }

    private void each(Class<? extends Resource> type, Consumer<SourceResource> action) {
        file.resources().stream().filter(source -> type.isInstance(source.resource())).forEach(action);
    }

    /** Runs one conversion; a skip is counted with its reason. Lookups count only when it succeeds. */
    private void convert(SourceResource source, Runnable conversion) {
        done.add(source);
        index.beginConversion();
        try {
            conversion.run();
            index.keepLookups();
        } catch (ResourceSkipped skip) {
            tally.skipped(source.resourceType(), skip.reason(), source.location());
        }
    }

    private void addRow(SourceResource source, Function<SourceResource, ActivityRow> converter) {
        convert(source, () -> {
            ActivityRow row = converter.apply(source);
            claimRecordId(source);
            rows.put(source, row);
            tally.activityRow();
        });
    }

    private void claimRecordId(SourceResource source) {
        String earlier = convertedIn.putIfAbsent(source.recordId(), file.fileName());
        if (earlier != null) {
            throw new ResourceSkipped("the same resource id was already converted"
                    + (earlier.equals(file.fileName()) ? " earlier in this file" : " from file " + earlier));
        }
    }

    private void procedure(SourceResource source, ProcedureConverter procedures) {
        Procedure procedure = (Procedure) source.resource();
        if (!procedure.hasEncounter()) {
            addRow(source, procedures::convert);
            return;
        }
        // A procedure done within an encounter is costed as part of that encounter's spell or attendance.
        convert(source, () -> {
            SourceResource encounter = target(procedure.getEncounter(), "Encounter");
            if (!rows.containsKey(encounter)) {
                throw new ResourceSkipped("its Encounter was skipped (see the Encounter's reason)");
            }
            tally.attached(source.resourceType());
        });
    }

    /** ExplanationOfBenefits first: they supersede the Claims they adjudicate. */
    private void claims() {
        List<ClaimView> views = new ArrayList<>();
        each(ExplanationOfBenefit.class, source -> views.add(ClaimView.of(source)));
        each(Claim.class, source -> views.add(ClaimView.of(source)));
        Set<Resource> adjudicatedClaims = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ClaimView view : views) {
            if (view.claim() != null) {
                index.resolve(view.claim(), Claim.class).ifPresent(adjudicatedClaims::add);
            }
        }
        Map<SourceResource, CostSums> costs = new LinkedHashMap<>();
        ClaimConverter converter = new ClaimConverter(index);
        for (ClaimView view : views) {
            SourceResource source = view.source();
            convert(source, () -> {
                ClaimConverter.requireActive(view);
                if (adjudicatedClaims.contains(source.resource())) {
                    // Its ExplanationOfBenefit carries the adjudicated cost; counting both would double it.
                    tally.attached(source.resourceType());
                    return;
                }
                if (view.targets().isEmpty()) {
                    ActivityRow row = converter.standaloneRow(view);
                    claimRecordId(source);
                    rows.put(source, row);
                    tally.activityRow();
                    return;
                }
                SourceResource costed = costedRow(view);
                BigDecimal pounds = ClaimConverter.poundsOf(view);
                costs.computeIfAbsent(costed, key -> new CostSums()).add(view.adjudicated(), pounds);
                tally.attached(source.resourceType());
            });
        }
        costs.forEach((costed, sums) -> rows.put(costed, rows.get(costed).withLocalCost(sums.total())));
    }

    private SourceResource costedRow(ClaimView view) {
        Set<SourceResource> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Reference reference : view.targets()) {
            targets.add(target(reference, "Encounter or prescription"));
        }
        if (targets.size() > 1) {
            throw new ResourceSkipped("it costs " + targets.size() + " encounters or prescriptions; one total cannot be"
                    + " split between them, so no cost is attached");
        }
        SourceResource costed = targets.iterator().next();
        if (!rows.containsKey(costed)) {
            throw new ResourceSkipped("the " + costed.resourceType() + " it costs was skipped (see that resource's reason),"
                    + " so its cost has no row to go on");
        }
        return costed;
    }

    private SourceResource target(Reference reference, String what) {
        Optional<SourceResource> target = index.resolve(reference).flatMap(index::source);
        return target.orElseThrow(() -> new ResourceSkipped("its " + what + " is not in the same file, so it is"
                + " not converted on its own (that would count the activity twice)"));
    }

    /** Costs for one row: adjudicated ones (ExplanationOfBenefit) win over claimed ones. */
    private static final class CostSums {
        private BigDecimal adjudicated;
        private BigDecimal claimed;

        void add(boolean isAdjudicated, BigDecimal pounds) {
            if (isAdjudicated) {
                adjudicated = adjudicated == null ? pounds : adjudicated.add(pounds);
            } else {
                claimed = claimed == null ? pounds : claimed.add(pounds);
            }
        }

        BigDecimal total() {
            return adjudicated != null ? adjudicated : claimed;
        }
    }
}
