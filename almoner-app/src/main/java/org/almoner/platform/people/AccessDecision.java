package org.almoner.platform.people;

/** The answer to "may this caller do this to this person's record?". */
public enum AccessDecision {
    ALLOW(true, false),
    /** Allowed because the caller gave a reason for reaching outside their caseload; reviewed later. */
    ALLOW_FLAGGED(true, true),
    REASON_REQUIRED(false, false),
    REFUSE_ROLE(false, false),
    REFUSE_RECORD(false, false);

    private final boolean allowed;
    private final boolean flagged;

    AccessDecision(boolean allowed, boolean flagged) {
        this.allowed = allowed;
        this.flagged = flagged;
    }

    public boolean allowed() {
        return allowed;
    }

    public boolean flagged() {
        return flagged;
    }
}
