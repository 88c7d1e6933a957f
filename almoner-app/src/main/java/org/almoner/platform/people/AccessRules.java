package org.almoner.platform.people;

import org.almoner.platform.access.Role;

/**
 * The record-level rules, kept apart from storage and the web so the whole table can be read, and
 * tested, in one place: least privilege per role, and per record.
 */
public final class AccessRules {

    private AccessRules() {}

    public static AccessDecision decide(Role role, PersonOperation operation, Relationship relationship, boolean reasonGiven) {
        if (!operation.allows(role)) {
            return AccessDecision.REFUSE_ROLE;
        }
        return switch (role) {
            case COORDINATOR, CLINICIAN, LINK_WORKER -> {
                if (relationship.careTeam()) {
                    yield AccessDecision.ALLOW;
                }
                if (!relationship.sameOrganisation()) {
                    yield AccessDecision.REFUSE_RECORD;
                }
                // Within their organisation but outside their caseload: allowed when they say why.
                yield reasonGiven ? AccessDecision.ALLOW_FLAGGED : AccessDecision.REASON_REQUIRED;
            }
            case COMMISSIONER, APPROVER -> relationship.sameOrganisation() ? AccessDecision.ALLOW : AccessDecision.REFUSE_RECORD;
            case PROVIDER -> relationship.organisationInvolved() ? AccessDecision.ALLOW : AccessDecision.REFUSE_RECORD;
            case BUDGET_HOLDER -> relationship.self() ? AccessDecision.ALLOW : AccessDecision.REFUSE_RECORD;
            case AUDITOR, ADMINISTRATOR -> AccessDecision.REFUSE_ROLE;
        };
    }
}
