package org.almoner.engine.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Service and currency of a prescribing row from a medicine's codes. */
final class Medicines {

    /**
     * Length of a BNF chemical substance code, the first nine characters of a 15-character BNF
     * presentation code (NHSBSA, "BNF code information": chapter, section, paragraph,
     * sub-paragraph, chemical substance).
     */
    private static final int CHEMICAL_SUBSTANCE_LENGTH = 9;

    private Medicines() {
    }

    /** The BNF chemical substance code from any coding whose system names BNF. */
    static Optional<String> bnfChemicalSubstance(List<CodeableConcept> concepts) {
        return concepts.stream()
                .flatMap(concept -> concept.getCoding().stream())
                .filter(coding -> coding.hasSystem() && coding.getSystem().toLowerCase(Locale.ROOT).contains("bnf"))
                .map(Coding::getCode)
                .filter(code -> code != null && code.strip().length() >= CHEMICAL_SUBSTANCE_LENGTH)
                .map(code -> code.strip().substring(0, CHEMICAL_SUBSTANCE_LENGTH).toUpperCase(Locale.ROOT))
                .findFirst();
    }

    /** service_code, currency_code and currency_type of a prescribing row. */
    record PrescribingCodes(String serviceCode, String currencyCode, String currencyType) {
    }

    /**
     * With a BNF code: service PRESCRIPTION priced by the BNF chemical substance. Without one: the
     * medicine's own code (dm+d, SNOMED CT) as the service and no currency.
     */
    static Optional<PrescribingCodes> prescribingCodes(List<CodeableConcept> concepts) {
        Optional<String> bnf = bnfChemicalSubstance(concepts);
        if (bnf.isPresent()) {
            return Optional.of(new PrescribingCodes("PRESCRIPTION", bnf.get(), "BNF"));
        }
        return Codings.firstCode(concepts).map(code -> new PrescribingCodes(code, "", ""));
    }
}
