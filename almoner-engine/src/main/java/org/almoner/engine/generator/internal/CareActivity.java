package org.almoner.engine.generator.internal;

import java.util.SplittableRandom;

/**
 * Council social care packages, NHS Continuing Healthcare, voluntary sector sessions and EHC plan
 * provision. Packages are billed in four-weekly rows.
 *
 * <p>Costs are illustrative, rounded from published averages: home care about £25 an hour,
 * residential care about £850 and nursing care about £1,000 a week (NHS Digital, Adult Social Care
 * Activity and Finance Report, England 2022-23); CHC rates somewhat higher.
 */
final class CareActivity {

    private static final int BILLING_DAYS = 28;

    private enum Package {
        HOME_CARE("social_care", "DCA01", "hour", 2500),
        REABLEMENT("social_care", "DCA01", "hour", 3000),
        DAY_CARE("social_care", "L0001", "session", 5000),
        RESIDENTIAL_CARE("social_care", "NH001", "week", 85000),
        NURSING_CARE("social_care", "NH001", "week", 100000),
        DIRECT_PAYMENT("social_care", "L0001", "week", 40000),
        CHC_HOME_CARE("continuing_healthcare", "DCA01", "hour", 3000),
        CHC_NURSING_HOME("continuing_healthcare", "NH001", "week", 125000),
        CHC_PERSONAL_HEALTH_BUDGET("continuing_healthcare", "DCA01", "week", 80000);

        final boolean chc;
        final String provider;
        final String unitType;
        final long pencePerUnit;

        Package(String setting, String provider, String unitType, long pencePerUnit) {
            this.chc = setting.equals("continuing_healthcare");
            this.provider = provider;
            this.unitType = unitType;
            this.pencePerUnit = pencePerUnit;
        }
    }

    void generate(Person person, SplittableRandom random, ActivityRows rows) {
        continuingHealthcare(person, random, rows);
        if (!person.chc && !person.childrensContinuingCare) {
            socialCare(person, random, rows);
        }
        voluntarySector(person, random, rows);
        education(person, random, rows);
    }

    private static void continuingHealthcare(Person person, SplittableRandom random, ActivityRows rows) {
        int band = person.frailtyBand();
        double chance = person.age >= 75 && band == 3 ? 0.04 : person.age >= 65 && band >= 2 ? 0.006
                : person.age >= 18 && band >= 2 ? 0.002 : 0.0;
        if (person.age >= 18 && random.nextDouble() < chance) {
            person.chc = true;
            double draw = random.nextDouble();
            Package type = draw < 0.6 ? Package.CHC_NURSING_HOME : draw < 0.9 ? Package.CHC_HOME_CARE
                    : Package.CHC_PERSONAL_HEALTH_BUDGET;
            packageRows(person, type, 8 + random.nextInt(25), 0.9, random, rows);
        } else if (person.age < 18 && random.nextDouble() < 0.0008) {
            person.childrensContinuingCare = true;
            packageRows(person, Package.CHC_HOME_CARE, 10 + random.nextInt(30), 0.9, random, rows);
        }
    }

    private static void socialCare(Person person, SplittableRandom random, ActivityRows rows) {
        if (person.age < 18) {
            return;
        }
        boolean frail = person.frailtyBand() >= 2;
        boolean learningDisability = person.has(Condition.LEARNING_DISABILITY);
        // Roughly 2-3% of adults get long-term council support, most of them old and frail (NHS Digital,
        // Adult Social Care Activity and Finance Report, England 2022-23).
        double chance = learningDisability ? 0.4 : person.age >= 85 ? 0.12 + (frail ? 0.25 : 0)
                : person.age >= 75 ? 0.03 + (frail ? 0.15 : 0) : person.age >= 65 ? 0.01 + (frail ? 0.06 : 0) : 0.005;
        if (random.nextDouble() >= chance) {
            return;
        }
        double draw = random.nextDouble();
        Package type;
        if (learningDisability) {
            type = draw < 0.5 ? Package.DAY_CARE : draw < 0.8 ? Package.DIRECT_PAYMENT : Package.HOME_CARE;
        } else {
            type = draw < 0.15 ? Package.RESIDENTIAL_CARE : draw < 0.25 ? Package.NURSING_CARE
                    : draw < 0.8 ? Package.HOME_CARE : draw < 0.9 ? Package.DIRECT_PAYMENT : Package.DAY_CARE;
        }
        if (person.age >= 65 && random.nextDouble() < 0.2) {
            reablement(person, random, rows);
        }
        int perWeek = switch (type) {
            case HOME_CARE -> 3 + random.nextInt(23);
            case DAY_CARE -> 1 + random.nextInt(5);
            default -> 1;
        };
        packageRows(person, type, perWeek, 0.7, random, rows);
    }

    private static void reablement(Person person, SplittableRandom random, ActivityRows rows) {
        int start = Dates.PERIOD_START + random.nextInt(700);
        if (start > person.lastDay()) {
            return;
        }
        int end = Math.min(person.lastDay(), start + 41);
        ActivityRows.Row row = rows.row().set("DCA01", "REABLEMENT", null, "hour", "SERVICE", "REABLEMENT");
        row.days(start, end);
        long hours = (long) (end - start + 1) * (5 + random.nextInt(10)) * 100 / 7;
        row.unitsHundredths = Math.max(100, hours / 25 * 25);
        row.costPence = random.nextDouble() < 0.7 ? costOf(row.unitsHundredths, Package.REABLEMENT.pencePerUnit) : -1;
        rows.write(person, SourceSystem.LA_SOCIAL_CARE);
    }

    /**
     * Four-weekly rows from the package start (before the period for most: packages are long-lived)
     * to its end or the person's death. {@code perWeek} is hours or sessions a week for hourly and
     * sessional packages and ignored for weekly ones.
     */
    private static void packageRows(Person person, Package type, int perWeek, double costedShare,
            SplittableRandom random, ActivityRows rows) {
        int start = random.nextDouble() < 0.5 ? Dates.PERIOD_START : Dates.PERIOD_START + random.nextInt(700);
        int end = random.nextDouble() < 0.2 ? start + 60 + random.nextInt(300) : Dates.PERIOD_END;
        end = Math.min(end, person.lastDay());
        SourceSystem source = type.chc ? SourceSystem.CHC_SYSTEM : SourceSystem.LA_SOCIAL_CARE;
        for (int from = start; from <= end; from += BILLING_DAYS) {
            int to = Math.min(end, from + BILLING_DAYS - 1);
            int days = to - from + 1;
            ActivityRows.Row row = rows.row().set(type.provider, type.name(), null, type.unitType, "SERVICE", type.name());
            row.days(from, to);
            long units = switch (type.unitType) {
                case "hour" -> (long) perWeek * days * 100 / 7 / 25 * 25;
                case "session" -> Math.max(1, Math.round(perWeek * days / 7.0)) * 100;
                default -> (long) days * 100 / 7;
            };
            row.unitsHundredths = Math.max(1, units);
            row.costPence = random.nextDouble() < costedShare ? costOf(row.unitsHundredths, type.pencePerUnit) : -1;
            rows.write(person, source);
        }
    }

    /** Cost in pence of units held in hundredths, rounded half up to the penny. */
    static long costOf(long unitsHundredths, long pencePerUnit) {
        return (unitsHundredths * pencePerUnit + 50) / 100;
    }

    private static void voluntarySector(Person person, SplittableRandom random, ActivityRows rows) {
        double chance = 0.01 + (person.age >= 65 && person.conditionCount >= 2 ? 0.04 : 0)
                + (person.has(Condition.DEPRESSION) || person.has(Condition.SERIOUS_MENTAL_ILLNESS) ? 0.05 : 0)
                + (person.age >= 18 && person.age < 80 ? 0.01 : 0);
        if (random.nextDouble() >= chance) {
            return;
        }
        String service;
        String provider;
        double draw = random.nextDouble();
        if (person.has(Condition.DEPRESSION) || person.has(Condition.SERIOUS_MENTAL_ILLNESS)) {
            service = draw < 0.5 ? "TALKING_THERAPY_GROUP" : draw < 0.8 ? "PEER_SUPPORT" : "SOCIAL_PRESCRIBING";
            provider = draw < 0.8 ? "V0002" : "V0003";
        } else if (person.age >= 65) {
            service = draw < 0.5 ? "SOCIAL_PRESCRIBING" : "BEFRIENDING";
            provider = "V0003";
        } else {
            service = draw < 0.6 ? "CARERS_SUPPORT" : "SOCIAL_PRESCRIBING";
            provider = "V0001";
        }
        int first = Dates.PERIOD_START + random.nextInt(700);
        int sessions = 3 + random.nextInt(10);
        for (int i = 0, day = first; i < sessions && day <= person.lastDay(); i++, day += 7 + random.nextInt(14)) {
            ActivityRows.Row row = rows.row().set(provider, service, null, "session", "SERVICE", service);
            row.days(day, day);
            rows.write(person, SourceSystem.VCSE_RECORDS);
        }
    }

    private static void education(Person person, SplittableRandom random, ActivityRows rows) {
        if (person.age >= 25) {
            return;
        }
        // About 4% of pupils in England have an EHC plan (DfE, Special educational needs in England, 2024).
        double chance = person.has(Condition.LEARNING_DISABILITY) ? 0.6 : person.age < 5 ? 0.01
                : person.age < 16 ? 0.05 : person.age < 20 ? 0.04 : 0.015;
        if (random.nextDouble() >= chance) {
            return;
        }
        person.ehcPlan = true;
        boolean speech = random.nextDouble() < 0.6;
        boolean occupational = random.nextDouble() < 0.3;
        for (int year = 0; year < Years.COUNT; year++) {
            if (Years.exposure(year, person) <= 0 || person.age + year >= 25) {
                continue;
            }
            ActivityRows.Row plan = rows.row().set("L0001", "EHC_PLAN_COORDINATION", null, "year", "SERVICE",
                    "EHC_PLAN_COORDINATION");
            plan.days(Years.start(year), Years.end(year, person));
            rows.write(person, SourceSystem.LA_EDUCATION);
            if (speech) {
                sessions(person, year, "EHC_SPEECH_THERAPY", PersonFactory.poisson(random, 8), random, rows);
            }
            if (occupational) {
                sessions(person, year, "EHC_OCCUPATIONAL_THERAPY", PersonFactory.poisson(random, 6), random, rows);
            }
            for (int term = 0; term < 3; term++) {
                int start = Years.start(year) + 150 + term * 100;
                if (start + 60 > Years.end(year, person) || random.nextDouble() < 0.4) {
                    continue;
                }
                ActivityRows.Row row = rows.row().set("L0001", "EHC_SPECIALIST_TEACHING", null, "hour", "SERVICE",
                        "EHC_SPECIALIST_TEACHING");
                row.days(start, start + 60);
                row.unitsHundredths = (10 + random.nextInt(31)) * 100L;
                rows.write(person, SourceSystem.LA_EDUCATION);
            }
        }
    }

    private static void sessions(Person person, int year, String service, int count, SplittableRandom random,
            ActivityRows rows) {
        for (int i = 0; i < count; i++) {
            ActivityRows.Row row = rows.row().set("L0001", service, null, "session", "SERVICE", service);
            int day = Years.day(year, person, random);
            row.days(day, day);
            rows.write(person, SourceSystem.LA_EDUCATION);
        }
    }
}
