package org.almoner.platform.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.almoner.platform.access.Role;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final Relationship IN_CASELOAD = new Relationship(true, true, false, false);
    private static final Relationship SAME_ORGANISATION_ONLY = new Relationship(true, false, false, false);
    private static final Relationship STRANGER = new Relationship(false, false, false, false);
    private static final Relationship PROVIDING = new Relationship(false, false, true, false);
    private static final Relationship SELF = new Relationship(true, false, false, true);

    @Test
    void aCoordinatorWorksOnTheirCaseload() {
        assertThat(AccessRules.decide(Role.COORDINATOR, PersonOperation.EDIT_BUDGET, IN_CASELOAD, false)).isEqualTo(AccessDecision.ALLOW);
    }

    @Test
    void outsideTheCaseloadACoordinatorMustSayWhyAndIsFlagged() {
        assertThat(AccessRules.decide(Role.COORDINATOR, PersonOperation.VIEW_PERSON, SAME_ORGANISATION_ONLY, false))
                .isEqualTo(AccessDecision.REASON_REQUIRED);
        AccessDecision withReason = AccessRules.decide(Role.COORDINATOR, PersonOperation.VIEW_PERSON, SAME_ORGANISATION_ONLY, true);
        assertThat(withReason).isEqualTo(AccessDecision.ALLOW_FLAGGED);
        assertThat(withReason.flagged()).isTrue();
    }

    @Test
    void noReasonOpensAnotherOrganisationsRecord() {
        for (Role role : Role.values()) {
            for (PersonOperation operation : PersonOperation.values()) {
                assertThat(AccessRules.decide(role, operation, STRANGER, true).allowed()).as(role + " " + operation).isFalse();
            }
        }
    }

    @Test
    void aProviderSeesOnlyPeopleItProvidesFor() {
        assertThat(AccessRules.decide(Role.PROVIDER, PersonOperation.VIEW_PLAN, PROVIDING, false)).isEqualTo(AccessDecision.ALLOW);
        assertThat(AccessRules.decide(Role.PROVIDER, PersonOperation.VIEW_PLAN, SAME_ORGANISATION_ONLY, false))
                .isEqualTo(AccessDecision.REFUSE_RECORD);
        assertThat(AccessRules.decide(Role.PROVIDER, PersonOperation.VIEW_BUDGET, PROVIDING, false)).isEqualTo(AccessDecision.REFUSE_ROLE);
    }

    @Test
    void aBudgetHolderSeesOnlyThemselvesAndCannotChangeTheirBudget() {
        assertThat(AccessRules.decide(Role.BUDGET_HOLDER, PersonOperation.VIEW_BUDGET, SELF, false)).isEqualTo(AccessDecision.ALLOW);
        assertThat(AccessRules.decide(Role.BUDGET_HOLDER, PersonOperation.VIEW_BUDGET, SAME_ORGANISATION_ONLY, false))
                .isEqualTo(AccessDecision.REFUSE_RECORD);
        assertThat(AccessRules.decide(Role.BUDGET_HOLDER, PersonOperation.EDIT_BUDGET, SELF, false)).isEqualTo(AccessDecision.REFUSE_ROLE);
    }

    @Test
    void auditorsAndAdministratorsNeverReachCareRecords() {
        Relationship everything = new Relationship(true, true, true, true);
        for (PersonOperation operation : PersonOperation.values()) {
            assertThat(AccessRules.decide(Role.AUDITOR, operation, everything, true)).isEqualTo(AccessDecision.REFUSE_ROLE);
            assertThat(AccessRules.decide(Role.ADMINISTRATOR, operation, everything, true)).isEqualTo(AccessDecision.REFUSE_ROLE);
        }
    }
}
