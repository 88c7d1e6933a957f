package org.almoner.engine.generator.internal;

import java.util.Arrays;

/**
 * One synthetic person's true state while their chunk is generated. Mutable on purpose: the activity
 * models set the service flags (section 117, CHC, ...) they imply before the person row is written.
 */
final class Person {
    long index;
    String personId;
    /** Null when the person is beyond the test range's capacity: untraced, no NHS number anywhere. */
    String nhsNumber;
    boolean female;
    int age;
    int dateOfBirth;
    String givenName;
    String familyName;
    String postcode;
    String previousPostcode;
    int deprivationDecile;
    String ethnicity;
    int practice;
    int conditions;
    int conditionCount;
    double frailty;
    double intensity;
    final double[] yearIntensity = new double[2];
    /** Epoch day of death, or -1 while alive at the end of the period. */
    int dateOfDeath = -1;
    boolean chc;
    boolean childrensContinuingCare;
    boolean section117;
    boolean wheelchairService;
    boolean learningDisabilityAutism;
    boolean ehcPlan;
    int activationScore = -1;
    int activationDate;
    final SourceIdentity[] sourceIdentities = new SourceIdentity[SourceSystem.values().length];

    boolean has(Condition condition) {
        return condition.in(conditions);
    }

    /** The last day the person can have activity: the end of the period or the day they died. */
    int lastDay() {
        return dateOfDeath < 0 ? Dates.PERIOD_END : dateOfDeath;
    }

    String practiceCode() {
        return "P9" + String.valueOf(10001 + practice).substring(1);
    }

    String pcnCode() {
        return "U9000" + (practice / 5 + 1);
    }

    /** Frailty band as the electronic frailty index reads it: 0 fit, 1 mild, 2 moderate, 3 severe. */
    int frailtyBand() {
        if (frailty > 0.36) {
            return 3;
        } else if (frailty > 0.24) {
            return 2;
        } else if (frailty > 0.12) {
            return 1;
        }
        return 0;
    }

    void reset() {
        dateOfDeath = -1;
        chc = false;
        childrensContinuingCare = false;
        section117 = false;
        wheelchairService = false;
        learningDisabilityAutism = false;
        ehcPlan = false;
        activationScore = -1;
        Arrays.fill(sourceIdentities, null);
    }
}
