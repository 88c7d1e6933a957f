package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/** Writes a person's diagnoses (ICD-10 and SNOMED CT) and condition register entries. */
final class ClinicalRecord {

    private static final byte[] ICD10 = "ICD10".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SNOMED = "SNOMED".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** SNOMED CT 13746004 bipolar disorder, for people whose serious mental illness is bipolar (F31). */
    private static final String BIPOLAR = "13746004";

    void write(Person person, SplittableRandom random, ChunkOutput output) {
        if (person.conditions == 0) {
            return;
        }
        int ageDays = Dates.PERIOD_START - person.dateOfBirth;
        for (Condition condition : Condition.values()) {
            if (!person.has(condition)) {
                continue;
            }
            int onset;
            if (random.nextDouble() < 0.08) {
                onset = Dates.PERIOD_START + random.nextInt(Math.max(1, person.lastDay() - Dates.PERIOD_START));
            } else {
                onset = Dates.PERIOD_START - 1 - random.nextInt(Math.max(1, Math.min(ageDays - 1, 15 * 365)));
            }
            String icd10 = condition.icd10().get(random.nextInt(condition.icd10().size()));
            if (random.nextDouble() < 0.6) {
                ByteSink sink = output.diagnoses().text(person.personId).bytes(ICD10).text(icd10);
                date(sink, onset + random.nextInt(30), random);
                sink.endRow();
            }
            if (condition.snomed() != null && random.nextDouble() < 0.9) {
                String snomed = "F319".equals(icd10) ? BIPOLAR : condition.snomed();
                ByteSink sink = output.diagnoses().text(person.personId).bytes(SNOMED).text(snomed);
                date(sink, onset, random);
                sink.endRow();
            }
            if (condition.register() != null) {
                ByteSink sink = output.registers().text(person.personId).text(condition.register());
                date(sink, onset + random.nextInt(60), random);
                sink.endRow();
            }
            if (condition == Condition.LEARNING_DISABILITY) {
                person.learningDisabilityAutism = true;
            }
        }
    }

    /** A recorded date, left blank on 2% of rows. */
    private static void date(ByteSink sink, int day, SplittableRandom random) {
        if (random.nextDouble() < 0.02) {
            sink.blank();
        } else {
            sink.bytes(Dates.iso(day));
        }
    }
}
