package org.almoner.platform.referrals;

/**
 * Why a person may have a personal health budget: one of the legal rights to have, or local
 * criteria. These are the eligibility categories national reporting asks for.
 */
public enum EligibilityBasis {
    NHS_CONTINUING_HEALTHCARE(true),
    NHS_CONTINUING_HEALTHCARE_FAST_TRACK(true),
    CHILDRENS_CONTINUING_CARE(true),
    SECTION_117_AFTERCARE(true),
    PERSONAL_WHEELCHAIR_BUDGET(true),
    LOCAL_CRITERIA(false);

    private final boolean legalRightToHave;

    EligibilityBasis(boolean legalRightToHave) {
        this.legalRightToHave = legalRightToHave;
    }

    public boolean legalRightToHave() {
        return legalRightToHave;
    }
}
