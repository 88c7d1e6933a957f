package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/**
 * Acute hospital activity: admissions (SUS APC), outpatient attendances (SUS OP) and A&E attendances
 * (SUS AE). Rates per unit of intensity are tuned so the population averages resemble England's
 * (about 0.1 emergency admissions, 0.15 elective admissions, 2 outpatient and 0.4 A&E attendances a
 * person a year; NHS Digital Hospital Episode Statistics 2022-23, rounded).
 */
final class HospitalActivity {

    private static final String[] AE_CODES = {"VB01Z", "VB02Z", "VB03Z", "VB04Z", "VB05Z", "VB06Z", "VB07Z", "VB08Z",
        "VB09Z", "VB10Z", "VB11Z"};
    private static final double[] AE_WEIGHTS = cumulative(2, 3, 8, 6, 4, 8, 12, 12, 20, 10, 15);

    /** Emergency admission reasons: HRG, treatment function, diagnosis, mean length of stay in days. */
    private record Reason(String hrg, String treatmentFunction, String diagnosis, double meanStay) {
    }

    private static final Reason STROKE = new Reason("AA35", "300", "I639", 12);
    private static final Reason COPD = new Reason("DZ65", "340", "J441", 5);
    private static final Reason CHEST_INFECTION = new Reason("DZ22", "340", "J22", 4);
    private static final Reason HEART_FAILURE = new Reason("EB03", "320", "I500", 9);
    private static final Reason HEART_ATTACK = new Reason("EB10", "320", "I219", 5);
    private static final Reason DIABETES = new Reason("KB02", "300", "E117", 5);
    private static final Reason FALL = new Reason("WH07", "430", "R55", 4);
    private static final Reason HIP_FRACTURE = new Reason("HT12", "110", "S720", 14);
    private static final Reason URINARY_INFECTION = new Reason("LA04", "300", "N390", 4);
    private static final Reason GASTROENTERITIS = new Reason("FD01", "300", "A09", 2);
    private static final Reason ABDOMINAL_PAIN = new Reason("FD05", "100", "R104", 2);
    private static final Reason SKIN = new Reason("JC42", "100", "L989", 1);
    private static final Reason KNEE = new Reason("HN22", "110", "M179", 3);
    private static final Reason HIP = new Reason("HN12", "110", "M169", 3);

    private final Reason[] candidates = new Reason[16];
    private final double[] weights = new double[16];

    void generate(Person person, SplittableRandom random, ActivityRows rows) {
        boolean old = person.age >= 75;
        for (int year = 0; year < Years.COUNT; year++) {
            double exposure = Years.exposure(year, person);
            if (exposure <= 0) {
                continue;
            }
            double intensity = person.yearIntensity[year] * exposure;
            double emergencyRate = 0.05 * intensity * (old ? 2.0 : person.age < 5 ? 1.3 : 1.0);
            for (int i = PersonFactory.poisson(random, emergencyRate); i > 0; i--) {
                emergencyAdmission(person, year, random, rows);
            }
            for (int i = PersonFactory.poisson(random, 0.09 * intensity * (person.age >= 50 ? 1.5 : 1)); i > 0; i--) {
                electiveAdmission(person, year, random, rows);
            }
            for (int i = PersonFactory.poisson(random, 1.1 * intensity); i > 0; i--) {
                outpatient(person, year, random, rows);
            }
            double aeRate = 0.25 * intensity * (person.age < 5 || (person.age >= 16 && person.age < 25) ? 1.6 : 1.0);
            for (int i = PersonFactory.poisson(random, aeRate); i > 0; i--) {
                ActivityRows.Row row = rows.row().set(acuteProvider(person, random), "180", "AE", "attendance", "HRG",
                        AE_CODES[Names.pick(AE_WEIGHTS, random.nextDouble())]);
                int day = Years.day(year, person, random);
                row.days(day, day);
                rows.write(person, SourceSystem.SUS_AE);
            }
        }
    }

    private void emergencyAdmission(Person person, int year, SplittableRandom random, ActivityRows rows) {
        int count = 0;
        count = add(count, person.has(Condition.COPD), COPD, 3);
        count = add(count, person.has(Condition.HEART_FAILURE), HEART_FAILURE, 3);
        count = add(count, person.has(Condition.STROKE_TIA), STROKE, 1.5);
        count = add(count, person.has(Condition.CORONARY_HEART_DISEASE), HEART_ATTACK, 1.5);
        count = add(count, person.has(Condition.DIABETES), DIABETES, 0.8);
        count = add(count, person.age >= 70, FALL, 2);
        count = add(count, person.age >= 70, HIP_FRACTURE, 0.7);
        count = add(count, true, CHEST_INFECTION, 2);
        count = add(count, true, URINARY_INFECTION, 1.5);
        count = add(count, true, GASTROENTERITIS, 1);
        count = add(count, true, ABDOMINAL_PAIN, 1.5);
        count = add(count, true, SKIN, 0.3);
        Reason reason = choose(count, random);
        String treatmentFunction = reason.treatmentFunction();
        if (person.age >= 75 && "300".equals(treatmentFunction)) {
            treatmentFunction = "430";
        }
        admission(person, year, random, rows, acuteProvider(person, random), treatmentFunction, "NEL", reason,
                reason.meanStay() * (1 + person.frailty * 2));
    }

    private void electiveAdmission(Person person, int year, SplittableRandom random, ActivityRows rows) {
        int count = 0;
        count = add(count, person.has(Condition.OSTEOARTHRITIS), KNEE, 2);
        count = add(count, person.has(Condition.OSTEOARTHRITIS), HIP, 1.5);
        count = add(count, true, ABDOMINAL_PAIN, 1);
        count = add(count, true, SKIN, 1);
        Reason reason = choose(count, random);
        boolean joint = reason == KNEE || reason == HIP;
        String provider = joint && random.nextDouble() < 0.3 ? "NT001" : acuteProvider(person, random);
        admission(person, year, random, rows, provider, reason.treatmentFunction(), joint ? "EL" : "DC", reason,
                joint ? reason.meanStay() : 0);
    }

    private static void admission(Person person, int year, SplittableRandom random, ActivityRows rows, String provider,
            String treatmentFunction, String pointOfDelivery, Reason reason, double meanStay) {
        int start = Years.day(year, person, random);
        int stay = meanStay <= 0 ? 0 : (int) (-Math.log(1 - random.nextDouble()) * meanStay);
        int end = Math.min(start + stay, person.lastDay());
        ActivityRows.Row row = rows.row().set(provider, treatmentFunction, pointOfDelivery, "spell", "HRG", reason.hrg());
        row.days(start, end);
        row.diagnosis = reason.diagnosis();
        rows.write(person, SourceSystem.SUS_APC);
    }

    private void outpatient(Person person, int year, SplittableRandom random, ActivityRows rows) {
        String treatmentFunction;
        double draw = random.nextDouble();
        if (draw < 0.5 && person.conditionCount > 0) {
            treatmentFunction = specialtyFor(person, random);
        } else if (draw < 0.6 && person.female && person.age >= 16 && person.age < 65) {
            treatmentFunction = "502";
        } else if (draw < 0.7) {
            treatmentFunction = "330";
        } else if (draw < 0.85) {
            treatmentFunction = "100";
        } else {
            treatmentFunction = person.age >= 75 ? "430" : "300";
        }
        boolean first = random.nextDouble() < 0.35;
        ActivityRows.Row row = rows.row().set(acuteProvider(person, random), treatmentFunction, first ? "OPFA" : "OPFU",
                "attendance", "HRG", first ? "WF01B" : "WF01A");
        int day = Years.day(year, person, random);
        row.days(day, day);
        rows.write(person, SourceSystem.SUS_OP);
    }

    private static String specialtyFor(Person person, SplittableRandom random) {
        if ((person.has(Condition.CORONARY_HEART_DISEASE) || person.has(Condition.HEART_FAILURE)
                || person.has(Condition.ATRIAL_FIBRILLATION)) && random.nextBoolean()) {
            return "320";
        }
        if ((person.has(Condition.COPD) || person.has(Condition.ASTHMA)) && random.nextBoolean()) {
            return "340";
        }
        if (person.has(Condition.OSTEOARTHRITIS) && random.nextBoolean()) {
            return "110";
        }
        return person.age >= 75 ? "430" : "300";
    }

    /** Practices 1-15 are nearer Northfield (R0A), 16-30 nearer Southmoor (R0B); most people go to the nearer one. */
    static String acuteProvider(Person person, SplittableRandom random) {
        boolean nearNorthfield = person.practice < 15;
        return nearNorthfield == (random.nextDouble() < 0.85) ? "R0A" : "R0B";
    }

    private int add(int count, boolean applies, Reason reason, double weight) {
        if (!applies) {
            return count;
        }
        candidates[count] = reason;
        weights[count] = (count == 0 ? 0 : weights[count - 1]) + weight;
        return count + 1;
    }

    private Reason choose(int count, SplittableRandom random) {
        double draw = random.nextDouble() * weights[count - 1];
        for (int i = 0; i < count; i++) {
            if (draw < weights[i]) {
                return candidates[i];
            }
        }
        return candidates[count - 1];
    }

    private static double[] cumulative(double... values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        double[] result = new double[values.length];
        double running = 0;
        for (int i = 0; i < values.length; i++) {
            running += values[i];
            result[i] = running / total;
        }
        return result;
    }
}
