package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/**
 * Community health contacts (CSDS) and mental health care cluster periods (MHSDS). Mental health
 * rows each cover a period of up to about three months, with units the days in it.
 */
final class CommunityActivity {

    void generate(Person person, SplittableRandom random, ActivityRows rows) {
        community(person, random, rows);
        mentalHealth(person, random, rows);
    }

    private static void community(Person person, SplittableRandom random, ActivityRows rows) {
        int band = person.frailtyBand();
        person.wheelchairService = band == 3 && random.nextDouble() < 0.25
                || person.has(Condition.LEARNING_DISABILITY) && random.nextDouble() < 0.15
                || random.nextDouble() < 0.002;
        for (int year = 0; year < Years.COUNT; year++) {
            double exposure = Years.exposure(year, person);
            if (exposure <= 0) {
                continue;
            }
            double intensity = person.yearIntensity[year] * exposure;
            if (band >= 2 || person.age >= 80 && person.conditionCount >= 3) {
                contacts(person, year, "DISTRICT_NURSING", PersonFactory.poisson(random, 3 * intensity), random, rows);
            }
            if (person.conditionCount >= 4) {
                contacts(person, year, "COMMUNITY_MATRON", PersonFactory.poisson(random, 2 * exposure), random, rows);
            }
            if (random.nextDouble() < (person.has(Condition.OSTEOARTHRITIS) ? 0.12 : 0.03)) {
                contacts(person, year, "PHYSIOTHERAPY", 2 + random.nextInt(5), random, rows);
            }
            if (person.age >= 75 && band >= 1 && random.nextDouble() < 0.15) {
                contacts(person, year, "OCCUPATIONAL_THERAPY", 1 + random.nextInt(3), random, rows);
            }
            if (person.has(Condition.DIABETES) && random.nextDouble() < 0.5) {
                contacts(person, year, "PODIATRY", 1 + random.nextInt(3), random, rows);
            }
            if ((person.has(Condition.STROKE_TIA) && random.nextDouble() < 0.1) || (person.age < 6 && random.nextDouble() < 0.03)) {
                contacts(person, year, "SPEECH_AND_LANGUAGE_THERAPY", 3 + random.nextInt(6), random, rows);
            }
            if (person.wheelchairService && random.nextDouble() < 0.7) {
                contacts(person, year, "WHEELCHAIR_SERVICE", 1, random, rows);
            }
        }
    }

    private static void contacts(Person person, int year, String service, int count, SplittableRandom random,
            ActivityRows rows) {
        for (int i = 0; i < count; i++) {
            ActivityRows.Row row = rows.row().set("R0C", service, null, "contact", "SERVICE", service);
            int day = Years.day(year, person, random);
            row.days(day, day);
            rows.write(person, SourceSystem.CSDS);
        }
    }

    private static void mentalHealth(Person person, SplittableRandom random, ActivityRows rows) {
        int last = person.lastDay();
        if (person.has(Condition.SERIOUS_MENTAL_ILLNESS) && random.nextDouble() < 0.6) {
            String cluster = "MHCC" + (10 + random.nextInt(8));
            String diagnosis = random.nextBoolean() ? "F209" : "F319";
            int start = random.nextDouble() < 0.7 ? Dates.PERIOD_START : Dates.PERIOD_START + random.nextInt(365);
            periods(person, "COMMUNITY_MENTAL_HEALTH", cluster, diagnosis, start, last, random, rows);
            for (int year = 0; year < Years.COUNT; year++) {
                if (Years.exposure(year, person) > 0 && random.nextDouble() < 0.08) {
                    int admitted = Years.day(year, person, random);
                    int discharged = Math.min(last, admitted + 14 + random.nextInt(60));
                    periods(person, "MENTAL_HEALTH_INPATIENT", cluster, diagnosis, admitted, discharged, random, rows);
                    // Detention under section 3 brings a right to aftercare under section 117.
                    if (random.nextDouble() < 0.6) {
                        person.section117 = true;
                    }
                }
            }
        } else if (person.has(Condition.DEPRESSION) && random.nextDouble() < 0.06) {
            int start = Dates.PERIOD_START + random.nextInt(600);
            if (start <= last) {
                int end = Math.min(last, start + 90 + random.nextInt(180));
                periods(person, "COMMUNITY_MENTAL_HEALTH", "MHCC0" + (1 + random.nextInt(4)), "F329", start, end, random,
                        rows);
            }
        }
        if (person.has(Condition.DEMENTIA) && random.nextDouble() < 0.2) {
            int start = Dates.PERIOD_START + random.nextInt(365);
            if (start <= last) {
                periods(person, "COMMUNITY_MENTAL_HEALTH", "MHCC" + (18 + random.nextInt(4)), "F03", start, last, random,
                        rows);
            }
        }
    }

    private static void periods(Person person, String service, String cluster, String diagnosis, int start, int end,
            SplittableRandom random, ActivityRows rows) {
        for (int from = start; from <= end; ) {
            int to = Math.min(end, from + 84 + random.nextInt(14));
            ActivityRows.Row row = rows.row().set("R0D", service, null, "cluster_day", "MH_CLUSTER", cluster);
            row.days(from, to);
            row.unitsHundredths = (to - from + 1) * 100L;
            row.diagnosis = diagnosis;
            rows.write(person, SourceSystem.MHSDS);
            from = to + 1;
        }
    }
}
