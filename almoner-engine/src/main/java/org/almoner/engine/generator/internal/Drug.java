package org.almoner.engine.generator.internal;

/**
 * Drugs the generator prescribes, by BNF chemical substance code. Typical net ingredient cost per
 * item is illustrative, rounded from the NHSBSA Prescription Cost Analysis for England 2023/24.
 */
enum Drug {
    ATORVASTATIN("0212000B0", 150),
    METFORMIN("0601022B0", 200),
    RAMIPRIL("0205051R0", 150),
    AMLODIPINE("0206020A0", 100),
    BISOPROLOL("0204000H0", 110),
    FUROSEMIDE("0202020L0", 100),
    APIXABAN("0208020Z0", 2600),
    BECLOMETASONE("0302000C0", 1500),
    SALBUTAMOL("0301011R0", 250),
    SERTRALINE("0403030Q0", 150),
    DONEPEZIL("0411000D0", 140),
    PARACETAMOL("0407010H0", 200),
    OMEPRAZOLE("0103050P0", 120),
    AMOXICILLIN("0501013B0", 150);

    private final String bnfCode;
    private final long typicalPence;

    Drug(String bnfCode, long typicalPence) {
        this.bnfCode = bnfCode;
        this.typicalPence = typicalPence;
    }

    String bnfCode() {
        return bnfCode;
    }

    long typicalPence() {
        return typicalPence;
    }
}
