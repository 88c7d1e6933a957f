package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/** Draws a person's demographics, conditions, frailty, activity intensity and death. */
final class PersonFactory {

    /**
     * Share of England's population in five-year age bands 0-4 ... 85-89 and 90+, rounded from the
     * ONS mid-year population estimates for England, mid-2022. About 19% are under 16 and 18-19% are
     * 65 and over.
     */
    private static final double[] AGE_BANDS = cumulative(5.4, 5.9, 6.1, 5.8, 6.0, 6.5, 6.8, 6.7, 6.4, 6.1, 6.8, 6.7,
            5.9, 5.0, 4.8, 3.9, 2.5, 1.5, 0.9);

    /**
     * NHS ethnic category codes with shares rounded from the 2021 Census for England (ONS, TS021):
     * A White British 73.5, B Irish 0.9, C other White 6.3, D-G Mixed 0.9/0.4/0.8/0.7, H Indian 3.3,
     * J Pakistani 2.7, K Bangladeshi 1.1, L other Asian 1.6, M Caribbean 1.1, N African 2.5, P other
     * Black 0.5, R Chinese 0.8, S other 2.2; plus Z "not stated", common in GP records.
     */
    private static final String[] ETHNICITY = {"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R",
        "S", "Z"};
    private static final double[] ETHNICITY_SHARES = cumulative(73.5, 0.9, 6.3, 0.9, 0.4, 0.8, 0.7, 3.3, 2.7, 1.1, 1.6,
            1.1, 2.5, 0.5, 0.8, 2.2, 3.0);

    /** Inward-code letters: the Royal Mail format never uses C, I, K, M, O or V there. */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final NhsNumberPool nhsNumbers;

    PersonFactory(NhsNumberPool nhsNumbers) {
        this.nhsNumbers = nhsNumbers;
    }

    void fill(Person person, long index, SplittableRandom random) {
        person.reset();
        person.index = index;
        person.personId = personId(index);
        person.nhsNumber = nhsNumbers.numberFor(index);
        person.age = age(random);
        person.female = random.nextDouble() < femaleShare(person.age);
        int ageDays = person.age * 365 + (person.age + 3) / 4 + random.nextInt(365);
        person.dateOfBirth = Dates.PERIOD_START - 1 - ageDays;
        person.givenName = Names.given(random, person.female);
        person.familyName = Names.family(random);
        person.practice = random.nextInt(30);
        int district = random.nextDouble() < 0.8 ? person.practice % 9 + 1 : random.nextInt(9) + 1;
        int sector = random.nextInt(10);
        person.postcode = postcode(district, sector, random);
        person.deprivationDecile = (int) Math.floorMod(Mixing.mix(district * 10L + sector), 10L) + 1;
        person.previousPostcode = postcode(random.nextInt(9) + 1, random.nextInt(10), random);
        person.ethnicity = ETHNICITY[Names.pick(ETHNICITY_SHARES, random.nextDouble())];
        drawConditions(person, random);
        drawFrailtyAndIntensity(person, random);
        drawDeath(person, random);
    }

    static String personId(long index) {
        String digits = Long.toString(index + 1);
        return "GP" + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    private static int age(SplittableRandom random) {
        int band = Names.pick(AGE_BANDS, random.nextDouble());
        if (band < AGE_BANDS.length - 1) {
            return band * 5 + random.nextInt(5);
        }
        // 90 and over: survival falls off steeply, so ages thin out geometrically.
        return Math.min(104, 90 + (int) (-Math.log(1 - random.nextDouble()) * 3.5));
    }

    /** Women outlive men, so the female share climbs with age (ONS mid-2022 sex ratios, rounded). */
    private static double femaleShare(int age) {
        if (age < 20) {
            return 0.488;
        } else if (age < 65) {
            return 0.505;
        } else if (age < 75) {
            return 0.52;
        } else if (age < 85) {
            return 0.55;
        } else if (age < 90) {
            return 0.61;
        }
        return 0.68;
    }

    private static String postcode(int district, int sector, SplittableRandom random) {
        // NF is not a real postcode area, so these are validly shaped but fictional postcodes.
        char[] code = {'N', 'F', (char) ('0' + district), ' ', (char) ('0' + sector),
            INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length())),
            INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))};
        return new String(code);
    }

    private static void drawConditions(Person person, SplittableRandom random) {
        // A shared propensity makes conditions cluster; deprivation raises it (earlier onset of
        // multimorbidity in deprived areas, Barnett et al., Lancet 2012).
        double propensity = Math.exp(0.6 * gaussian(random) - 0.18) * (1 + 0.05 * (5.5 - person.deprivationDecile));
        int conditions = 0;
        int count = 0;
        for (Condition condition : Condition.values()) {
            double p = Math.min(0.95, condition.prevalence(person.age) * propensity);
            if (random.nextDouble() < p) {
                conditions |= condition.bit();
                count++;
            }
        }
        person.conditions = conditions;
        person.conditionCount = count;
    }

    private static void drawFrailtyAndIntensity(Person person, SplittableRandom random) {
        double deficits = person.conditionCount * 1.5;
        if (person.age >= 55) {
            deficits += poisson(random, (person.age - 55) / 4.0);
        }
        person.frailty = Math.min(1.0, deficits / 36.0);
        double ageFactor = person.age < 5 ? 1.2 : person.age < 16 ? 0.6 : person.age < 45 ? 0.7
                : person.age < 65 ? 0.9 : person.age < 75 ? 1.2 : person.age < 85 ? 1.5 : 1.8;
        double personal = Math.exp(0.5 * gaussian(random) - 0.125);
        person.intensity = ageFactor * (1 + 0.4 * person.conditionCount) * (1 + 3 * person.frailty) * personal;
        for (int year = 0; year < 2; year++) {
            person.yearIntensity[year] = person.intensity * Math.exp(0.35 * gaussian(random) - 0.06);
        }
    }

    private static void drawDeath(Person person, SplittableRandom random) {
        int age = person.age;
        double yearly = age < 45 ? 0.0008 : age < 65 ? 0.004 : age < 75 ? 0.015 : age < 85 ? 0.04 : 0.10;
        double twoYears = Math.min(0.7, 2 * yearly * (0.5 + 3 * person.frailty));
        if (random.nextDouble() < twoYears) {
            person.dateOfDeath = Dates.PERIOD_START + 30 + random.nextInt(Dates.PERIOD_END - Dates.PERIOD_START - 30);
        }
    }

    static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }

    /** Poisson draw; Knuth's method for small means, a rounded normal approximation for large ones. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double[] cumulative(double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double[] result = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            result[i] = running / total;
        }
        return result;
    }
}
