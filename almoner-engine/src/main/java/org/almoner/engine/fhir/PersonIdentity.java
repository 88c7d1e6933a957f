package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The person identifiers an activity row carries, as the FHIR source holds them. Blank strings for
 * what the source does not hold.
 */
record PersonIdentity(String nhsNumber, String localPersonId, String givenName, String familyName,
        Optional<LocalDate> dateOfBirth, String sex, String postcode) {

    PersonIdentity {
        requireNonNull(nhsNumber, "nhsNumber is null");
        requireNonNull(localPersonId, "localPersonId is null");
        requireNonNull(givenName, "givenName is null");
        requireNonNull(familyName, "familyName is null");
        requireNonNull(dateOfBirth, "dateOfBirth is null");
        requireNonNull(sex, "sex is null");
        requireNonNull(postcode, "postcode is null");
    }

    /**
     * The person a subject or patient reference points at: the Patient in the file when it is
     * there, otherwise what the reference itself says (a logical NHS number identifier, or the id).
     *
     * @throws ResourceSkipped when there is no reference at all
     */
    static PersonIdentity of(Reference subject, String field, BundleIndex index) {
        if (subject == null || subject.isEmpty()) {
            throw new ResourceSkipped("no " + field + ": the patient it is about is not given");
        }
        Optional<Patient> patient = index.resolve(subject, Patient.class);
        if (patient.isPresent()) {
            return fromPatient(patient.get());
        }
        String nhsNumber = subject.hasIdentifier() && Codings.NHS_NUMBER_SYSTEM.equals(subject.getIdentifier().getSystem())
                ? blankIfNull(subject.getIdentifier().getValue()).strip()
                : "";
        String localId = subject.hasReference() && !subject.getReference().startsWith("#")
                ? new IdType(subject.getReference()).getIdPart()
                : "";
        if (nhsNumber.isEmpty() && (localId == null || localId.isBlank())) {
            throw new ResourceSkipped(field + " names no patient that can be identified (no NHS number and no id)");
        }
        return new PersonIdentity(nhsNumber, blankIfNull(localId), "", "", Optional.empty(), "", "");
    }

    static PersonIdentity fromPatient(Patient patient) {
        String nhsNumber = Codings.identifier(patient.getIdentifier(), Codings.NHS_NUMBER_SYSTEM).orElse("");
        String localId = patient.getIdElement().hasIdPart() ? patient.getIdElement().getIdPart() : "";
        HumanName name = preferredName(patient.getName());
        String given = name == null ? "" : String.join(" ", name.getGiven().stream().map(PrimitiveType::getValue)
                .filter(value -> value != null && !value.isBlank()).toList());
        String family = name == null ? "" : blankIfNull(name.getFamily());
        return new PersonIdentity(nhsNumber, localId, given.strip(), family.strip(),
                Codings.dateIfFull(patient.getBirthDateElement()), sex(patient), postcode(patient.getAddress()));
    }

    /** The diagnoses file's person_id: the NHS number, else the Patient's logical id. */
    String personId() {
        return nhsNumber.isBlank() ? localPersonId : nhsNumber;
    }

    private static HumanName preferredName(List<HumanName> names) {
        for (HumanName.NameUse use : List.of(HumanName.NameUse.OFFICIAL, HumanName.NameUse.USUAL)) {
            for (HumanName name : names) {
                if (name.getUse() == use) {
                    return name;
                }
            }
        }
        return names.isEmpty() ? null : names.get(0);
    }

    /** NHS Data Dictionary person gender code: 1 male, 2 female, 9 not specified, 0 not known. */
    private static String sex(Patient patient) {
        if (!patient.hasGender()) {
            return "";
        }
        return switch (patient.getGender()) {
            case MALE -> "1";
            case FEMALE -> "2";
            case OTHER -> "9";
            case UNKNOWN -> "0";
            default -> "";
        };
    }

    private static String postcode(List<Address> addresses) {
        Optional<String> home = addresses.stream()
                .filter(address -> address.getUse() == Address.AddressUse.HOME && address.hasPostalCode())
                .map(Address::getPostalCode).findFirst();
        return home.or(() -> addresses.stream().filter(Address::hasPostalCode).map(Address::getPostalCode).findFirst())
                .map(String::strip).orElse("");
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
