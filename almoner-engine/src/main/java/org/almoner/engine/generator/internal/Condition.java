package org.almoner.engine.generator.internal;

import java.util.List;

/**
 * Long-term conditions with their QOF register, ICD-10 codes (no dot), a SNOMED CT concept for the
 * primary care record where one is well known, regular drugs, and prevalence by age band.
 *
 * <p>Prevalence by band (0-15, 16-34, 35-54, 55-64, 65-74, 75-84, 85+) is a rounded, illustrative
 * reading of QOF recorded prevalence (NHS Digital, Quality and Outcomes Framework 2022-23) and the
 * Health Survey for England age gradients; the generator scales it per person by a shared health
 * propensity so conditions cluster, as multimorbidity does.
 */
enum Condition {
    HYPERTENSION("HYP", List.of("I10"), "38341003", List.of(Drug.AMLODIPINE, Drug.RAMIPRIL),
            0, 0.01, 0.08, 0.25, 0.40, 0.52, 0.58),
    DIABETES("DM", List.of("E119", "E117"), "44054006", List.of(Drug.METFORMIN, Drug.ATORVASTATIN),
            0.002, 0.012, 0.05, 0.12, 0.17, 0.19, 0.17),
    COPD("COPD", List.of("J449", "J441"), "13645005", List.of(Drug.SALBUTAMOL, Drug.BECLOMETASONE),
            0, 0.001, 0.01, 0.04, 0.07, 0.09, 0.08),
    ASTHMA("AST", List.of("J459"), "195967001", List.of(Drug.SALBUTAMOL, Drug.BECLOMETASONE),
            0.08, 0.07, 0.06, 0.06, 0.065, 0.065, 0.06),
    CORONARY_HEART_DISEASE("CHD", List.of("I251"), "414545008", List.of(Drug.ATORVASTATIN, Drug.BISOPROLOL),
            0, 0.001, 0.01, 0.05, 0.10, 0.15, 0.19),
    HEART_FAILURE("HF", List.of("I500"), "84114007", List.of(Drug.FUROSEMIDE, Drug.BISOPROLOL),
            0, 0.0003, 0.002, 0.01, 0.03, 0.06, 0.10),
    ATRIAL_FIBRILLATION("AF", List.of("I489"), "49436004", List.of(Drug.APIXABAN),
            0, 0.001, 0.004, 0.02, 0.06, 0.11, 0.16),
    CHRONIC_KIDNEY_DISEASE("CKD", List.of("N183"), "709044004", List.of(Drug.RAMIPRIL),
            0, 0.002, 0.01, 0.04, 0.10, 0.20, 0.32),
    DEMENTIA("DEM", List.of("F03"), "52448006", List.of(Drug.DONEPEZIL),
            0, 0, 0.0005, 0.003, 0.015, 0.06, 0.17),
    DEPRESSION("DEP", List.of("F329"), "35489007", List.of(Drug.SERTRALINE),
            0.005, 0.12, 0.15, 0.14, 0.11, 0.10, 0.10),
    CANCER("CAN", List.of("C509", "C349", "C61", "C189"), "363346000", List.of(),
            0.001, 0.003, 0.02, 0.05, 0.09, 0.12, 0.13),
    STROKE_TIA("STIA", List.of("I639", "G459"), "230690007", List.of(Drug.ATORVASTATIN),
            0, 0.001, 0.005, 0.02, 0.04, 0.07, 0.10),
    OSTEOARTHRITIS(null, List.of("M179", "M169"), "396275006", List.of(Drug.PARACETAMOL),
            0, 0.005, 0.04, 0.12, 0.20, 0.27, 0.30),
    SERIOUS_MENTAL_ILLNESS("MH", List.of("F209", "F319"), "58214004", List.of(),
            0, 0.008, 0.01, 0.01, 0.009, 0.008, 0.008),
    LEARNING_DISABILITY("LD", List.of("F799"), "110359009", List.of(),
            0.006, 0.006, 0.005, 0.004, 0.003, 0.002, 0.001),
    EPILEPSY("EP", List.of("G409"), "84757009", List.of(),
            0.005, 0.008, 0.008, 0.009, 0.009, 0.009, 0.009);

    private final String register;
    private final List<String> icd10;
    private final String snomed;
    private final List<Drug> drugs;
    private final double[] prevalence;

    Condition(String register, List<String> icd10, String snomed, List<Drug> drugs, double... prevalence) {
        this.register = register;
        this.icd10 = icd10;
        this.snomed = snomed;
        this.drugs = drugs;
        this.prevalence = prevalence;
    }

    /** The QOF register code, or null when QOF keeps no register (osteoarthritis). */
    String register() {
        return register;
    }

    List<String> icd10() {
        return icd10;
    }

    String snomed() {
        return snomed;
    }

    List<Drug> drugs() {
        return drugs;
    }

    double prevalence(int age) {
        return prevalence[band(age)];
    }

    int bit() {
        return 1 << ordinal();
    }

    boolean in(int conditions) {
        return (conditions & bit()) != 0;
    }

    static int band(int age) {
        if (age < 16) {
            return 0;
        } else if (age < 35) {
            return 1;
        } else if (age < 55) {
            return 2;
        } else if (age < 65) {
            return 3;
        } else if (age < 75) {
            return 4;
        } else if (age < 85) {
            return 5;
        }
        return 6;
    }
}
