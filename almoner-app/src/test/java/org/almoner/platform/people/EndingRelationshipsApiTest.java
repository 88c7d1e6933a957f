package org.almoner.platform.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.almoner.platform.audit.AuditEntry;
import org.almoner.platform.audit.AuditTrail;
import org.almoner.platform.ledger.ActiveBudgets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Ending a representative, a nominee or a care team member through the API: access stops at once,
 * the history stays, the rules refuse in words, and every ending is audited.
 */
@PlatformTest
class EndingRelationshipsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    DataSource application;

    Api coordinator;

    @BeforeEach
    void world() {
        TestWorld.on(port, accounts);
        coordinator = Api.as(port, "coordinator");
    }

    @Test
    void anEndedNomineeIsRefusedTheRecordPlanBudgetAndLedgerAtOnce() {
        ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver");
        String nomineeAccount = holderAccount();
        UUID nominee = addRepresentative(budget.person(), "NOMINEE", "Sam", nomineeAccount);
        addRepresentative(budget.person(), "REPRESENTATIVE", "Alex", null);
        Api sam = Api.as(port, nomineeAccount);
        List<String> theirPages = List.of("/api/people/" + budget.person(), "/api/people/" + budget.person() + "/plans",
                "/api/budgets/" + budget.budget(), "/api/budgets/" + budget.budget() + "/ledger");
        theirPages.forEach(page -> assertThat(sam.get(page).status()).as("before, " + page).isEqualTo(200));

        Api.Response ended = coordinator.post(ending(budget.person(), nominee), Map.of("reason", "Sam stepped down as nominee"));

        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().path("ending").path("reason").asString()).isEqualTo("Sam stepped down as nominee");
        assertThat(ended.json().path("ending").path("endedBy").asString()).isEqualTo("coordinator");
        for (String page : theirPages) {
            Api.Response refused = sam.get(page);
            assertThat(refused.status()).as("after, " + page + ": " + refused).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("ACCESS_DENIED");
        }
        assertThat(sam.get("/api/people").json().findValuesAsString("id")).doesNotContain(budget.person().toString());
        JsonNode record = coordinator.get("/api/people/" + budget.person()).json();
        assertThat(record.path("representatives").findValuesAsString("name")).containsExactly("Alex");
        assertThat(record.path("pastRepresentatives").findValuesAsString("name")).containsExactly("Sam");
        assertThat(record.path("pastRepresentatives").get(0).path("ending").path("endedAt").asString()).isNotBlank();
        List<AuditEntry> trail = audit.search(budget.person(), false, 50);
        assertThat(trail).anySatisfy(entry -> {
            assertThat(entry.recordType()).isEqualTo("REPRESENTATIVE_ENDED");
            assertThat(entry.recordId()).isEqualTo(nominee.toString());
            assertThat(entry.username()).isEqualTo("coordinator");
        });
        assertThat(trail).as("the refusals afterwards are audited too")
                .anySatisfy(entry -> assertThat(entry.username()).isEqualTo(nomineeAccount));
    }

    @Test
    void theLastRepresentativeOfSomeoneWithADirectPaymentStaysUntilItIsWithheld() {
        ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver");
        UUID nominee = addRepresentative(budget.person(), "NOMINEE", "Sam", null);

        Api.Response refused = coordinator.post(ending(budget.person(), nominee), Map.of("reason", "Stepped down"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("REPRESENTATION_NEEDED");
        assertThat(refused.text("field")).isEqualTo("representativeId");
        assertThat(refused.text("detail")).contains("direct payment of £1,000.00 a year")
                .contains("Appoint another nominee or representative first, or withhold the direct payment");
        assertThat(coordinator.get("/api/people/" + budget.person()).json().path("representatives").findValuesAsString("name"))
                .as("nothing changed").containsExactly("Sam");

        assertThat(coordinator.post("/api/budgets/" + budget.budget() + "/direct-payment/withhold",
                Map.of("reason", "Nominee stepping down; the council will arrange support")).status()).isEqualTo(200);
        assertThat(coordinator.post(ending(budget.person(), nominee), Map.of("reason", "Stepped down")).status()).isEqualTo(200);
    }

    @Test
    void badEndingsAreRefusedNamingTheirFieldAndChangeNothing() {
        UUID person = newPerson();
        UUID alex = addRepresentative(person, "REPRESENTATIVE", "Alex", null);
        UUID otherPersons = addRepresentative(newPerson(), "REPRESENTATIVE", "Bo", null);

        expect(coordinator.post(ending(person, alex), Map.of("reason", "  ")), 400, "INVALID_REQUEST", "reason");
        expect(coordinator.post(ending(person, alex), null), 400, "INVALID_REQUEST", "reason");
        expect(coordinator.post(ending(person, alex), Map.of("reason", "x".repeat(501))), 400, "INVALID_REQUEST", "reason");
        expect(coordinator.post(ending(person, alex), Map.of("why", "Left")), 400, "UNREADABLE_REQUEST", null);
        expect(coordinator.post(ending(person, UUID.randomUUID()), Map.of("reason", "Left")), 404, "REPRESENTATIVE_NOT_FOUND", "representativeId");
        expect(coordinator.post(ending(person, otherPersons), Map.of("reason", "Left")), 404, "REPRESENTATIVE_NOT_FOUND", "representativeId");
        expect(coordinator.post("/api/people/" + person + "/representatives/not-an-id/end", Map.of("reason", "Left")),
                400, "INVALID_REQUEST", "representativeId");
        expect(coordinator.post(ending(UUID.randomUUID(), alex), Map.of("reason", "Left")), 404, "PERSON_NOT_FOUND", "personId");
        assertThat(coordinator.get("/api/people/" + person).json().path("representatives").findValuesAsString("name")).containsExactly("Alex");

        assertThat(coordinator.post(ending(person, alex), Map.of("reason", "Deputyship ended")).status()).isEqualTo(200);
        expect(coordinator.post(ending(person, alex), Map.of("reason", "Again")), 409, "RELATIONSHIP_ALREADY_ENDED", "representativeId");
    }

    @Test
    void onlyACoordinatorMayEndARelationship() {
        UUID person = newPerson();
        UUID alex = addRepresentative(person, "REPRESENTATIVE", "Alex", null);
        assertThat(coordinator.post("/api/people/" + person + "/care-team", Map.of("username", "clinician")).status()).isEqualTo(200);

        for (String other : List.of("clinician", "approver", "commissioner", "holder", "auditor")) {
            Api.Response refused = Api.as(port, other).post(ending(person, alex), Map.of("reason", "Left"));
            assertThat(refused.status()).as(other + ": " + refused).isEqualTo(403);
            assertThat(refused.text("code")).startsWith("ACCESS_");
            assertThat(Api.as(port, other).post(leaving(person, "clinician"), Map.of("reason", "Left")).status()).as(other).isEqualTo(403);
        }
        JsonNode record = coordinator.get("/api/people/" + person).json();
        assertThat(record.path("representatives").findValuesAsString("name")).containsExactly("Alex");
        assertThat(record.path("careTeam").toString()).contains("clinician");
    }

    @Test
    void aColleagueWhoLeavesTheCareTeamLosesThePersonFromTheirCaseloadAndMayRejoin() {
        UUID person = newPerson();
        assertThat(coordinator.post("/api/people/" + person + "/care-team", Map.of("username", "clinician")).status()).isEqualTo(200);
        Api clinician = Api.as(port, "clinician");
        assertThat(clinician.get("/api/people/" + person).status()).isEqualTo(200);

        Api.Response left = coordinator.post(leaving(person, "clinician"), Map.of("reason", "Moved to another team"));

        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().path("ending").path("reason").asString()).isEqualTo("Moved to another team");
        Api.Response refused = clinician.get("/api/people/" + person);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).as("outside the caseload now").isEqualTo("ACCESS_REASON_REQUIRED");
        assertThat(clinician.get("/api/people?limit=500").json().findValuesAsString("id")).doesNotContain(person.toString());
        expect(coordinator.post(leaving(person, "clinician"), Map.of("reason", "Again")), 409, "RELATIONSHIP_ALREADY_ENDED", "username");
        expect(coordinator.post(leaving(person, "auditor"), Map.of("reason", "Never there")), 404, "CARE_TEAM_MEMBER_NOT_FOUND", "username");
        expect(coordinator.post(leaving(person, "coordinator"), Map.of("reason", "Leaving")), 409, "COORDINATOR_NEEDED", "username");
        expect(coordinator.post(leaving(person, "clinician"), Map.of()), 400, "INVALID_REQUEST", "reason");
        assertThat(audit.search(person, false, 50)).anySatisfy(entry -> {
            assertThat(entry.recordType()).isEqualTo("CARE_TEAM_LEFT");
            assertThat(entry.recordId()).isEqualTo("clinician");
        });

        assertThat(coordinator.post("/api/people/" + person + "/care-team", Map.of("username", "clinician")).status()).isEqualTo(200);
        assertThat(clinician.get("/api/people/" + person).status()).as("back in the care team").isEqualTo(200);
        JsonNode record = coordinator.get("/api/people/" + person).json();
        assertThat(record.path("careTeam").toString()).contains("clinician");
        assertThat(record.path("pastCareTeam").findValuesAsString("username")).containsExactly("clinician");
    }

    @Test
    void theApplicationCannotDeleteWhoActedForAPersonOrWorkedWithThem() {
        UUID person = newPerson();
        UUID alex = addRepresentative(person, "REPRESENTATIVE", "Alex", null);

        assertThatThrownBy(() -> execute("DELETE FROM representatives WHERE id = '" + alex + "'")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> execute("DELETE FROM care_team WHERE person_id = '" + person + "'")).hasMessageContaining("permission denied");
        assertThat(coordinator.get("/api/people/" + person).json().path("representatives").findValuesAsString("name")).containsExactly("Alex");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private UUID newPerson() {
        Api.Response person = coordinator.post("/api/people", Map.of("givenName", "Robin", "familyName", "Ending-" + UUID.randomUUID(),
                "dateOfBirth", "1962-07-08", "sex", "9"));
        assertThat(person.status()).as(person.toString()).isEqualTo(201);
        return UUID.fromString(person.text("id"));
    }

    private UUID addRepresentative(UUID person, String kind, String name, String username) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "name", name, "relationship", "daughter"));
        if (username != null) {
            body.put("username", username);
        }
        Api.Response added = coordinator.post("/api/people/" + person + "/representatives", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return UUID.fromString(added.text("id"));
    }

    private String holderAccount() {
        String username = "nominee-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Sam", Api.PASSWORD, Role.BUDGET_HOLDER, TestWorld.NORTH, Optional.empty()));
        return username;
    }

    private static String ending(UUID person, UUID representative) {
        return "/api/people/" + person + "/representatives/" + representative + "/end";
    }

    private static String leaving(UUID person, String username) {
        return "/api/people/" + person + "/care-team/" + username + "/end";
    }

    private static void expect(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
        }
        assertThat(response.text("detail")).isNotBlank().doesNotContain("Exception");
    }
}
