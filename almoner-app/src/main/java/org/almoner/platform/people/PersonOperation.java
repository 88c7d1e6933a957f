package org.almoner.platform.people;

import java.util.EnumSet;
import java.util.Set;
import org.almoner.platform.access.Role;

/**
 * What a caller wants to do with a person's record, and which roles may ever do it. Whether they
 * may do it for this person is the record-level rule in {@link AccessRules}.
 */
public enum PersonOperation {
    VIEW_PERSON(Role.COMMISSIONER, Role.COORDINATOR, Role.CLINICIAN, Role.APPROVER, Role.LINK_WORKER, Role.PROVIDER, Role.BUDGET_HOLDER),
    EDIT_PERSON(Role.COORDINATOR),
    REFER(Role.COORDINATOR, Role.CLINICIAN, Role.LINK_WORKER, Role.PROVIDER, Role.BUDGET_HOLDER),
    VIEW_REFERRALS(Role.COORDINATOR, Role.CLINICIAN, Role.LINK_WORKER, Role.APPROVER, Role.BUDGET_HOLDER),
    DECIDE_ELIGIBILITY(Role.COORDINATOR, Role.CLINICIAN),
    VIEW_PLAN(Role.COORDINATOR, Role.CLINICIAN, Role.LINK_WORKER, Role.APPROVER, Role.PROVIDER, Role.BUDGET_HOLDER),
    EDIT_PLAN(Role.COORDINATOR, Role.CLINICIAN),
    VIEW_BUDGET(Role.COMMISSIONER, Role.COORDINATOR, Role.APPROVER, Role.BUDGET_HOLDER),
    EDIT_BUDGET(Role.COORDINATOR),
    DECIDE_BUDGET(Role.APPROVER),
    PAY(Role.COORDINATOR),
    REPORT_SPEND(Role.COORDINATOR, Role.BUDGET_HOLDER),
    VIEW_REVIEWS(Role.COORDINATOR, Role.CLINICIAN, Role.APPROVER, Role.BUDGET_HOLDER),
    COMPLETE_REVIEW(Role.COORDINATOR, Role.CLINICIAN);

    private final Set<Role> roles;

    PersonOperation(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
