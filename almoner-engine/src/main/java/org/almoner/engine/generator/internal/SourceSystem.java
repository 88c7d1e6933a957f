package org.almoner.engine.generator.internal;

import org.almoner.engine.format.Setting;

/**
 * The systems activity comes from. NHS systems key on the NHS number; council and voluntary sector
 * systems keep their own client ids and hold the NHS number only sometimes.
 */
public enum SourceSystem {
    SUS_APC("sus_apc", Setting.ADMITTED_PATIENT_CARE, "APC", true, 30),
    SUS_OP("sus_op", Setting.OUTPATIENTS, "OP", true, 30),
    SUS_AE("sus_ae", Setting.A_AND_E, "AE", true, 20),
    CSDS("csds", Setting.COMMUNITY, "CS", true, 45),
    MHSDS("mhsds", Setting.MENTAL_HEALTH, "MH", true, 45),
    GP_ACTIVITY("gp_activity", Setting.PRIMARY_CARE, "GP", true, 7),
    EPD("epd", Setting.PRESCRIBING, "RX", true, 40),
    LA_SOCIAL_CARE("la_social_care", Setting.SOCIAL_CARE, "SC", false, 120),
    CHC_SYSTEM("chc_system", Setting.CONTINUING_HEALTHCARE, "CH", true, 60),
    VCSE_RECORDS("vcse_records", Setting.VCSE, "VC", false, 90),
    LA_EDUCATION("la_education", Setting.EDUCATION, "ED", false, 90);

    private final String fileBaseName;
    private final Setting setting;
    private final String recordPrefix;
    private final boolean nhs;
    private final int maximumRecordingLagDays;

    SourceSystem(String fileBaseName, Setting setting, String recordPrefix, boolean nhs, int maximumRecordingLagDays) {
        this.fileBaseName = fileBaseName;
        this.setting = setting;
        this.recordPrefix = recordPrefix;
        this.nhs = nhs;
        this.maximumRecordingLagDays = maximumRecordingLagDays;
    }

    /** The activity file name without extension, for example {@code sus_apc}. */
    public String fileBaseName() {
        return fileBaseName;
    }

    public Setting setting() {
        return setting;
    }

    String recordPrefix() {
        return recordPrefix;
    }

    /** Whether the system is an NHS one that holds the NHS number on (nearly) every row. */
    public boolean nhs() {
        return nhs;
    }

    int maximumRecordingLagDays() {
        return maximumRecordingLagDays;
    }
}
