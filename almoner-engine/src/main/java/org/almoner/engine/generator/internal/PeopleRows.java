package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/**
 * Writes a person's row in people.csv, with the default values and blanks real registers hold at low
 * rates (for the data quality report to find), and the person's true identity in the ground truth.
 */
final class PeopleRows {

    private static final byte[] DEFAULT_BIRTH_DATE = Dates.iso(Dates.FIRST_DAY);
    private static final byte[] YES = {'Y'};
    private static final byte[] NO = {'N'};

    void write(Person person, SplittableRandom random, ChunkOutput output) {
        if (!person.learningDisabilityAutism && person.age < 40 && random.nextDouble() < 0.008) {
            // Autism without a learning disability: about 1% of younger people have a diagnosis.
            person.learningDisabilityAutism = true;
        }
        if (person.conditionCount > 0 && random.nextDouble() < 0.15) {
            person.activationScore = (int) Math.max(0, Math.min(1000, Math.round(600 + 130 * random.nextGaussian())));
            person.activationDate = Dates.PERIOD_START + random.nextInt(Math.max(1, person.lastDay() - Dates.PERIOD_START));
        }
        ByteSink sink = output.people();
        sink.text(person.personId).text(person.nhsNumber)
                .text(random.nextDouble() < 0.001 ? null : person.givenName).text(person.familyName);
        sink.bytes(random.nextDouble() < 0.0005 ? DEFAULT_BIRTH_DATE : Dates.iso(person.dateOfBirth));
        double sexDraw = random.nextDouble();
        sink.text(sexDraw < 0.0005 ? "0" : sexDraw < 0.001 ? "9" : person.female ? "2" : "1");
        double postcodeDraw = random.nextDouble();
        boolean postcodeKnown = postcodeDraw >= 0.003;
        sink.text(postcodeDraw < 0.001 ? "ZZ99 3VZ" : postcodeKnown ? person.postcode : null);
        sink.text(random.nextDouble() < 0.003 ? "99" : person.ethnicity);
        if (postcodeKnown && random.nextDouble() >= 0.002) {
            sink.number(person.deprivationDecile);
        } else {
            sink.blank();
        }
        if (random.nextDouble() < 0.001) {
            sink.text("V81999").blank();
        } else {
            sink.text(person.practiceCode()).text(person.pcnCode());
        }
        flag(sink, person.chc);
        flag(sink, person.childrensContinuingCare);
        flag(sink, person.section117);
        flag(sink, person.wheelchairService);
        flag(sink, person.learningDisabilityAutism);
        flag(sink, person.ehcPlan);
        if (person.activationScore >= 0) {
            sink.hundredths(person.activationScore * 10L).bytes(Dates.iso(person.activationDate));
        } else {
            sink.blank().blank();
        }
        if (person.dateOfDeath >= 0) {
            sink.bytes(Dates.iso(person.dateOfDeath));
        } else {
            sink.blank();
        }
        sink.endRow();

        ByteSink truth = output.truePeople();
        truth.text(person.personId).text(person.nhsNumber).text(person.givenName).text(person.familyName)
                .bytes(Dates.iso(person.dateOfBirth)).text(person.female ? "2" : "1").text(person.postcode)
                .number(person.conditionCount).hundredths(Math.round(person.frailty * 100))
                .hundredths(Math.round(person.intensity * 100));
        truth.endRow();
    }

    private static void flag(ByteSink sink, boolean value) {
        sink.bytes(value ? YES : NO);
    }
}
