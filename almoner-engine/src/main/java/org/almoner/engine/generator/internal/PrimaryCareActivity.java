package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/**
 * GP consultations (GP_ACTIVITY) and prescription items dispensed (EPD). Each regular drug is
 * dispensed as one item every 28 or 56 days, so an older person with several conditions gets
 * 40-100 items a year, as in NHSBSA dispensing data.
 */
final class PrimaryCareActivity {

    private static final Drug[] ACUTE = {Drug.AMOXICILLIN, Drug.OMEPRAZOLE, Drug.PARACETAMOL};
    private static final String[] PRACTICES = new String[30];

    static {
        for (int practice = 0; practice < PRACTICES.length; practice++) {
            PRACTICES[practice] = "P9" + String.valueOf(10001 + practice).substring(1);
        }
    }

    void generate(Person person, SplittableRandom random, ActivityRows rows) {
        consultations(person, random, rows);
        prescriptions(person, random, rows);
    }

    private static void consultations(Person person, SplittableRandom random, ActivityRows rows) {
        boolean housebound = person.frailtyBand() == 3 || person.has(Condition.DEMENTIA);
        for (int year = 0; year < Years.COUNT; year++) {
            double exposure = Years.exposure(year, person);
            if (exposure <= 0) {
                continue;
            }
            int count = PersonFactory.poisson(random, 2.6 * person.yearIntensity[year] * exposure);
            for (int i = 0; i < count; i++) {
                double draw = random.nextDouble();
                String service;
                if (draw < (housebound ? 0.25 : 0.01)) {
                    service = "GP_HOME_VISIT";
                } else if (draw < 0.30) {
                    service = "GP_TELEPHONE";
                } else if (draw < 0.48) {
                    service = "PRACTICE_NURSE";
                } else {
                    service = "GP_SURGERY";
                }
                ActivityRows.Row row = rows.row().set(PRACTICES[person.practice], service, null, "consultation",
                        "SERVICE", service);
                int day = Years.day(year, person, random);
                row.days(day, day);
                rows.write(person, SourceSystem.GP_ACTIVITY);
            }
        }
    }

    private static void prescriptions(Person person, SplittableRandom random, ActivityRows rows) {
        int drugs = 0;
        for (Condition condition : Condition.values()) {
            if (person.has(condition)) {
                for (Drug drug : condition.drugs()) {
                    drugs |= 1 << drug.ordinal();
                }
            }
        }
        int last = person.lastDay();
        for (Drug drug : Drug.values()) {
            if ((drugs & (1 << drug.ordinal())) == 0) {
                continue;
            }
            int cycle = random.nextDouble() < 0.3 ? 28 : 56;
            for (int day = Dates.PERIOD_START + random.nextInt(cycle); day <= last; day += cycle + random.nextInt(5) - 2) {
                item(person, drug, day, cycle / 28, random, rows);
            }
        }
        for (int year = 0; year < Years.COUNT; year++) {
            double exposure = Years.exposure(year, person);
            if (exposure <= 0) {
                continue;
            }
            int count = PersonFactory.poisson(random, 1.0 * person.yearIntensity[year] * exposure);
            for (int i = 0; i < count; i++) {
                item(person, ACUTE[random.nextInt(ACUTE.length)], Years.day(year, person, random), 1, random, rows);
            }
        }
    }

    private static void item(Person person, Drug drug, int day, int packs, SplittableRandom random, ActivityRows rows) {
        ActivityRows.Row row = rows.row().set("FA001", "PRESCRIPTION", null, "item", "BNF", drug.bnfCode());
        row.days(day, day);
        row.costPence = Math.max(1, Math.round(drug.typicalPence() * packs * (0.85 + 0.3 * random.nextDouble())));
        rows.write(person, SourceSystem.EPD);
    }
}
