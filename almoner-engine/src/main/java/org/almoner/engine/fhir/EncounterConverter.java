package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.almoner.engine.format.Setting;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;

/** Makes one activity row from an Encounter (docs/fhir-mapping.md, "Encounter"). */
final class EncounterConverter {

    private static final Set<String> ADMITTED = Set.of("IMP", "ACUTE", "NONAC", "SS", "OBSENC");
    private static final Set<String> OUTPATIENT = Set.of("AMB", "PRENC");
    private static final Set<String> COMMUNITY = Set.of("HH", "FLD");
    private static final Set<String> VIRTUAL = Set.of("VR");
    private static final Set<String> EMERGENCY = Set.of("EMER");
    /** v3 ActPriority codes that mean the admission was not planned. */
    private static final Set<String> URGENT_PRIORITIES = Set.of("EM", "UR", "S");
    /** Encounter.hospitalization.admitSource code for "From accident/emergency department". */
    private static final String ADMIT_SOURCE_EMERGENCY = "emd";
    private static final String EMERGENCY_MEDICINE = "180";

    private final BundleIndex index;

    EncounterConverter(BundleIndex index) {
        this.index = requireNonNull(index, "index is null");
    }

    ActivityRow convert(SourceResource source) {
        Encounter encounter = (Encounter) source.resource();
        if (encounter.hasStatus()) {
            switch (encounter.getStatus()) {
                case CANCELLED -> throw new ResourceSkipped("status is cancelled: the encounter did not take place");
                case ENTEREDINERROR -> throw new ResourceSkipped("status is entered-in-error");
                case PLANNED -> throw new ResourceSkipped("status is planned: the encounter has not happened yet");
                default -> { }
            }
        }
        String classCode = encounter.hasClass_() && encounter.getClass_().hasCode()
                ? encounter.getClass_().getCode().strip().toUpperCase(Locale.ROOT)
                : "";
        if (classCode.isEmpty()) {
            throw new ResourceSkipped("no class code, so the setting cannot be told; give Encounter.class (IMP, AMB, EMER, HH, VR)");
        }
        PersonIdentity person = PersonIdentity.of(encounter.getSubject(), "subject", index);
        LocalDate start = Codings.date(encounter.getPeriod().getStartElement(), "period.start")
                .orElseThrow(() -> new ResourceSkipped("no period.start, so no start date; give the date the encounter began"));
        Optional<LocalDate> end = Codings.date(encounter.getPeriod().getEndElement(), "period.end");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new ResourceSkipped("period.end is before period.start");
        }
        String provider = Providers.code(encounter.getServiceProvider(), index)
                .orElseThrow(() -> new ResourceSkipped("no provider: serviceProvider is missing or its organisation has no ODS code"));
        String diagnosis = primaryDiagnosis(encounter).orElse("");
        Optional<LocalDate> recorded = Codings.lastUpdated(encounter);
        String recordId = source.recordId();

        boolean gpPractice = Providers.isGpPractice(provider);
        if (gpPractice && (OUTPATIENT.contains(classCode) || VIRTUAL.contains(classCode) || COMMUNITY.contains(classCode))) {
            String service = VIRTUAL.contains(classCode) ? "GP_TELEPHONE"
                    : COMMUNITY.contains(classCode) ? "GP_HOME_VISIT" : "GP_SURGERY";
            return new ActivityRow(recordId, Setting.PRIMARY_CARE, person, provider, service, "", start, end,
                    BigDecimal.ONE, "consultation", service, "SERVICE", diagnosis, Optional.empty(), recorded);
        }
        if (ADMITTED.contains(classCode)) {
            String pod = admittedPointOfDelivery(encounter, start, end);
            return new ActivityRow(recordId, Setting.ADMITTED_PATIENT_CARE, person, provider, service(encounter), pod,
                    start, end, BigDecimal.ONE, "spell", "", "", diagnosis, Optional.empty(), recorded);
        }
        if (OUTPATIENT.contains(classCode) || VIRTUAL.contains(classCode)) {
            boolean first = isFirstAttendance(encounter);
            // WF01B/WF01A are the face-to-face first/follow-up outpatient currencies of the shared catalogue;
            // a virtual attendance has no face-to-face currency, so it is left for costing to decide.
            String currency = VIRTUAL.contains(classCode) ? "" : first ? "WF01B" : "WF01A";
            return new ActivityRow(recordId, Setting.OUTPATIENTS, person, provider, service(encounter),
                    first ? "OPFA" : "OPFU", start, end, BigDecimal.ONE, "attendance", currency,
                    currency.isEmpty() ? "" : "HRG", diagnosis, Optional.empty(), recorded);
        }
        if (EMERGENCY.contains(classCode)) {
            String service = serviceCode(encounter).orElse(EMERGENCY_MEDICINE);
            return new ActivityRow(recordId, Setting.A_AND_E, person, provider, service, "AE", start, end,
                    BigDecimal.ONE, "attendance", "", "", diagnosis, Optional.empty(), recorded);
        }
        if (COMMUNITY.contains(classCode)) {
            String service = service(encounter);
            return new ActivityRow(recordId, Setting.COMMUNITY, person, provider, service, "", start, end,
                    BigDecimal.ONE, "contact", service, "SERVICE", diagnosis, Optional.empty(), recorded);
        }
        throw new ResourceSkipped("class code '" + classCode + "' is not one this import maps to a setting");
    }

    /** Emergency (NEL) from the admission method, admit source or priority; else same-day DC; else EL. */
    private static String admittedPointOfDelivery(Encounter encounter, LocalDate start, Optional<LocalDate> end) {
        Optional<Boolean> emergency = admissionMethod(encounter).map(method -> !method.startsWith("1"));
        if (emergency.isEmpty() && encounter.hasHospitalization()) {
            if (Codings.firstCode(encounter.getHospitalization().getAdmitSource()).filter(ADMIT_SOURCE_EMERGENCY::equals).isPresent()) {
                emergency = Optional.of(true);
            }
        }
        if (emergency.isEmpty() && Codings.firstCode(encounter.getPriority()).filter(URGENT_PRIORITIES::contains).isPresent()) {
            emergency = Optional.of(true);
        }
        if (emergency.orElse(false)) {
            return "NEL";
        }
        return end.filter(start::equals).isPresent() ? "DC" : "EL";
    }

    /**
     * The NHS Data Dictionary admission method code (11-13 elective; 2x emergency, 3x maternity,
     * 8x other: all non-elective) from a UK Core or Care Connect AdmissionMethod extension.
     */
    private static Optional<String> admissionMethod(Encounter encounter) {
        List<Extension> extensions = new ArrayList<>(encounter.getExtension());
        if (encounter.hasHospitalization()) {
            extensions.addAll(encounter.getHospitalization().getExtension());
        }
        return extensions.stream()
                .filter(extension -> extension.getUrl() != null && extension.getUrl().contains("AdmissionMethod"))
                .map(Extension::getValue)
                .filter(CodeableConcept.class::isInstance)
                .map(value -> Codings.firstCode((CodeableConcept) value))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * First attendance from the NHS Data Dictionary "First Attendance" code (1, 3 first; 2, 4
     * follow-up) or the words "first"/"follow" in a type's coding or text; otherwise a follow-up.
     */
    private static boolean isFirstAttendance(Encounter encounter) {
        for (CodeableConcept type : encounter.getType()) {
            for (Coding coding : type.getCoding()) {
                if (isFirstAttendanceSystem(coding) && coding.hasCode()) {
                    return coding.getCode().equals("1") || coding.getCode().equals("3");
                }
            }
        }
        for (CodeableConcept type : encounter.getType()) {
            StringBuilder words = new StringBuilder(type.hasText() ? type.getText() : "");
            type.getCoding().forEach(coding -> words.append(' ').append(coding.hasDisplay() ? coding.getDisplay() : ""));
            String text = words.toString().toLowerCase(Locale.ROOT);
            if (text.contains("follow")) {
                return false;
            }
            if (text.contains("first")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFirstAttendanceSystem(Coding coding) {
        String system = coding.hasSystem() ? coding.getSystem().toLowerCase(Locale.ROOT) : "";
        return system.contains("first-attendance") || system.contains("firstattendance");
    }

    private static String service(Encounter encounter) {
        return serviceCode(encounter).orElseThrow(() -> new ResourceSkipped(
                "no service code: give serviceType (for example the treatment function code) or type"));
    }

    /** serviceType's first code, else the first type code that is not a first-attendance marker. */
    private static Optional<String> serviceCode(Encounter encounter) {
        Optional<String> fromServiceType = Codings.firstCode(encounter.getServiceType());
        if (fromServiceType.isPresent()) {
            return fromServiceType;
        }
        return encounter.getType().stream()
                .flatMap(type -> type.getCoding().stream())
                .filter(coding -> !isFirstAttendanceSystem(coding) && coding.hasCode() && !coding.getCode().isBlank())
                .map(coding -> coding.getCode().strip())
                .findFirst();
    }

    /** Encounter.diagnosis in rank order, then reasonCode, then reasonReference; ICD-10 only. */
    private Optional<String> primaryDiagnosis(Encounter encounter) {
        List<Encounter.DiagnosisComponent> ranked = encounter.getDiagnosis().stream()
                .sorted(Comparator.comparingInt(diagnosis -> diagnosis.hasRank() ? diagnosis.getRank() : Integer.MAX_VALUE))
                .toList();
        for (Encounter.DiagnosisComponent diagnosis : ranked) {
            Optional<String> code = conditionCode(diagnosis.getCondition());
            if (code.isPresent()) {
                return code;
            }
        }
        Optional<String> reason = Codings.icd10(encounter.getReasonCode());
        if (reason.isPresent()) {
            return reason;
        }
        return encounter.getReasonReference().stream().map(this::conditionCode).flatMap(Optional::stream).findFirst();
    }

    private Optional<String> conditionCode(Reference reference) {
        return index.resolve(reference, Condition.class).flatMap(condition -> Codings.icd10(condition.getCode()));
    }
}
