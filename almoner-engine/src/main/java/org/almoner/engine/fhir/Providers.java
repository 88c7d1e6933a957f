package org.almoner.engine.fhir;

import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Finds the provider_code (ODS code) behind a reference to an organisation. */
final class Providers {

    /** ODS codes of GP practices are one letter and five digits, for example P90001. */
    private static final Pattern GP_PRACTICE = Pattern.compile("[A-Z]\\d{5}");

    private Providers() {
    }

    /**
     * The ODS code from a logical reference's identifier, or from the Organization it points at
     * (its ODS identifier, else its first identifier); a PractitionerRole or Location leads to its
     * organisation.
     */
    static Optional<String> code(Reference reference, BundleIndex index) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (reference.hasIdentifier() && Codings.ODS_SYSTEM.equals(reference.getIdentifier().getSystem())
                && reference.getIdentifier().hasValue()) {
            return Optional.of(reference.getIdentifier().getValue().strip());
        }
        Optional<Resource> target = index.resolve(reference);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        return switch (target.get()) {
            case Organization organization -> Codings.identifier(organization.getIdentifier(), Codings.ODS_SYSTEM)
                    .or(() -> organization.getIdentifier().stream().map(Identifier::getValue)
                            .filter(value -> value != null && !value.isBlank()).map(String::strip).findFirst());
            case PractitionerRole role -> code(role.getOrganization(), index);
            case Location location -> code(location.getManagingOrganization(), index);
            default -> Optional.empty();
        };
    }

    static boolean isGpPractice(String providerCode) {
        return GP_PRACTICE.matcher(providerCode).matches();
    }
}
