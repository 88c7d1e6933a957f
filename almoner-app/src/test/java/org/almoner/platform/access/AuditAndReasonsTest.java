package org.almoner.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditOutcome;
import org.almoner.platform.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class AuditAndReasonsTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Test
    void everyReadOfAPersonIsAuditedWithWhoRoleAndOrganisation() {
        TestWorld world = TestWorld.on(port, accounts);

        Api.as(port, "clinician").get("/api/people/" + world.own.person());

        AuditEntry entry = audit.search(world.own.person(), false, 1).getFirst();
        assertThat(entry.username()).isEqualTo("clinician");
        assertThat(entry.role()).isEqualTo("CLINICIAN");
        assertThat(entry.organisation()).isEqualTo(TestWorld.NORTH);
        assertThat(entry.action()).isEqualTo("VIEW_PERSON");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.ALLOWED);
        assertThat(entry.flagged()).isFalse();
    }

    @Test
    void refusalsAreAuditedToo() {
        TestWorld world = TestWorld.on(port, accounts);

        Api.Response refused = Api.as(port, "provider").get("/api/budgets/" + world.otherPerson.budget());

        assertThat(refused.status()).isEqualTo(403);
        AuditEntry entry = audit.search(world.otherPerson.person(), false, 1).getFirst();
        assertThat(entry.username()).isEqualTo("provider");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.recordType()).isEqualTo("BUDGET");
        assertThat(entry.recordId()).isEqualTo(world.otherPerson.budget().toString());
    }

    @Test
    void reachingOutsideTheCaseloadNeedsAReasonAndIsFlaggedForReview() {
        TestWorld world = TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator");

        Api.Response withoutReason = coordinator.get("/api/people/" + world.otherPerson.person());
        Api.Response withReason = coordinator.withReason("Covering for a colleague on leave").get("/api/people/" + world.otherPerson.person());

        assertThat(withoutReason.status()).isEqualTo(403);
        assertThat(withoutReason.text("code")).isEqualTo("ACCESS_REASON_REQUIRED");
        assertThat(withReason.status()).isEqualTo(200);
        List<AuditEntry> flagged = audit.search(world.otherPerson.person(), true, 10);
        assertThat(flagged).anySatisfy(entry -> {
            assertThat(entry.username()).isEqualTo("coordinator");
            assertThat(entry.purpose()).isEqualTo("Covering for a colleague on leave");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.ALLOWED);
        });
    }

    @Test
    void aReasonDoesNotOpenAnotherOrganisationsRecords() {
        TestWorld world = TestWorld.on(port, accounts);

        Api.Response refused = Api.as(port, "coordinator").withReason("Curious").get("/api/people/" + world.otherOrganisation.person());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void theAuditorReadsTheTrailButNoOnesRecord() {
        TestWorld world = TestWorld.on(port, accounts);
        Api auditor = Api.as(port, "auditor");

        Api.Response trail = auditor.get("/api/audit?person=" + world.own.person());
        Api.Response record = auditor.get("/api/people/" + world.own.person());

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.json()).isNotEmpty();
        assertThat(record.status()).isEqualTo(403);
    }

    @Test
    void listingPeopleShowsOnlyTheCallersCaseload() {
        TestWorld world = TestWorld.on(port, accounts);

        List<String> seenByClinician = Api.as(port, "clinician").get("/api/people?limit=500").json().valueStream()
                .map(person -> person.path("id").asString()).toList();
        List<String> seenByHolder = Api.as(port, "holder").get("/api/people").json().valueStream()
                .map(person -> person.path("id").asString()).toList();

        assertThat(seenByClinician).contains(world.own.person().toString())
                .doesNotContain(world.otherPerson.person().toString(), world.otherOrganisation.person().toString());
        assertThat(seenByHolder).containsExactly(world.own.person().toString());
    }
}
