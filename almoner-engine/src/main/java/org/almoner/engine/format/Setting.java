package org.almoner.engine.format;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings a linked data set covers (handbook 2019, 5.2: primary, acute, community, mental
 * health, social care, education and residential settings, prescribing, and VCSE services).
 */
public enum Setting {
    ADMITTED_PATIENT_CARE("admitted_patient_care", "Admitted patient care (inpatient spells and day cases)"),
    OUTPATIENTS("outpatients", "Outpatient attendances"),
    A_AND_E("a_and_e", "Accident and emergency attendances"),
    COMMUNITY("community", "Community services contacts"),
    MENTAL_HEALTH("mental_health", "Mental health services, costed by care cluster"),
    PRIMARY_CARE("primary_care", "General practice and other primary care consultations"),
    PRESCRIBING("prescribing", "Prescription items dispensed in the community"),
    SOCIAL_CARE("social_care", "Local authority social care packages"),
    CONTINUING_HEALTHCARE("continuing_healthcare", "NHS Continuing Healthcare packages"),
    VCSE("vcse", "Voluntary, community and social enterprise services"),
    EDUCATION("education", "Education, health and care (EHC) plan provision");

    private final String code;
    private final String label;

    Setting(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value written in the {@code setting} column and used in file and column names. */
    public String code() {
        return code;
    }

    /** A plain-English name for reports. */
    public String label() {
        return label;
    }

    public static Optional<Setting> fromCode(String code) {
        return Arrays.stream(values()).filter(setting -> setting.code.equals(code)).findFirst();
    }
}
