package org.almoner.platform.referrals;

public enum ReferralStatus {
    RECEIVED,
    ELIGIBLE,
    NOT_ELIGIBLE
}
