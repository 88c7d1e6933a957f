package org.almoner.platform.access;

/** The roles of the people who use the platform; each account has exactly one. */
public enum Role {
    /** Commissioning and finance teams of an integrated care board or local authority. */
    COMMISSIONER,
    /** Personal health budget coordinators, who hold a caseload. */
    COORDINATOR,
    /** Clinicians and assessors in the person's care team. */
    CLINICIAN,
    /** Budget approvers and panel members. */
    APPROVER,
    /** Social prescribing link workers. */
    LINK_WORKER,
    /** Providers of care and support, who see only people referred to them. */
    PROVIDER,
    /** The budget holder or their representative or nominee. */
    BUDGET_HOLDER,
    /** Auditors, who read the audit trail but no one's care record. */
    AUDITOR,
    /** Administrators, who manage accounts and pathways but no one's care record. */
    ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
