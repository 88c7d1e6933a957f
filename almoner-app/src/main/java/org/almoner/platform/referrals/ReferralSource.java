package org.almoner.platform.referrals;

/** Who made a referral. */
public enum ReferralSource {
    SELF,
    REPRESENTATIVE,
    GP,
    HOSPITAL,
    COMMUNITY_SERVICES,
    MENTAL_HEALTH_SERVICES,
    CONTINUING_HEALTHCARE_TEAM,
    WHEELCHAIR_SERVICE,
    SOCIAL_CARE,
    EDUCATION,
    VOLUNTARY_SECTOR,
    LINK_WORKER,
    OTHER
}
