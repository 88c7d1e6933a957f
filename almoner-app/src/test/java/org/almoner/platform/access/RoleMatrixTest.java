package org.almoner.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.Samples;
import org.almoner.platform.TestWorld;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint that reaches a person's data, for every role, on the caller's own record, another
 * person's in the same organisation, and a person of another organisation: allowed or refused as
 * written here. The expectations are written out by hand, not derived from the code under test, so
 * an unexpected allow (or refusal) fails the build.
 */
@PlatformTest
class RoleMatrixTest {

    private static final Set<Role> NONE = EnumSet.noneOf(Role.class);
    private static final Set<Role> ORGANISATION_WIDE = EnumSet.of(Role.COMMISSIONER, Role.APPROVER);

    /** An endpoint and who may use it on their own record; on another person's only the organisation-wide roles among them. */
    private record Endpoint(String method, String path, Object body, Set<Role> ownRecord) {

        Set<Role> otherPersonSameOrganisation() {
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            allowed.addAll(ownRecord);
            allowed.retainAll(ORGANISATION_WIDE);
            return allowed;
        }
    }

    private static final Set<Role> VIEW_PERSON = EnumSet.of(Role.COMMISSIONER, Role.COORDINATOR, Role.CLINICIAN, Role.APPROVER,
            Role.LINK_WORKER, Role.PROVIDER, Role.BUDGET_HOLDER);
    private static final Set<Role> VIEW_REFERRALS = EnumSet.of(Role.COORDINATOR, Role.CLINICIAN, Role.LINK_WORKER, Role.APPROVER,
            Role.BUDGET_HOLDER);
    private static final Set<Role> REFER = EnumSet.of(Role.COORDINATOR, Role.CLINICIAN, Role.LINK_WORKER, Role.PROVIDER, Role.BUDGET_HOLDER);
    private static final Set<Role> VIEW_PLAN = EnumSet.of(Role.COORDINATOR, Role.CLINICIAN, Role.LINK_WORKER, Role.APPROVER,
            Role.PROVIDER, Role.BUDGET_HOLDER);
    private static final Set<Role> EDIT_PLAN = EnumSet.of(Role.COORDINATOR, Role.CLINICIAN);
    private static final Set<Role> VIEW_BUDGET = EnumSet.of(Role.COMMISSIONER, Role.COORDINATOR, Role.APPROVER, Role.BUDGET_HOLDER);
    private static final Set<Role> COORDINATOR_ONLY = EnumSet.of(Role.COORDINATOR);
    private static final Set<Role> APPROVER_ONLY = EnumSet.of(Role.APPROVER);
    private static final Set<Role> VIEW_REVIEWS = EnumSet.of(Role.COORDINATOR, Role.CLINICIAN, Role.APPROVER, Role.BUDGET_HOLDER);
    private static final Set<Role> DECIDE_ELIGIBILITY = EnumSet.of(Role.COORDINATOR, Role.CLINICIAN);

    private static final String NO_SUCH_REPRESENTATIVE = "5d1e8a52-0000-4000-8000-00000000e0d0";

    private static final List<Endpoint> PERSON_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/people/{person}", null, VIEW_PERSON),
            new Endpoint("POST", "/api/people/{person}/representatives", Map.of("kind", "NOMINEE", "name", "Dana", "relationship", "daughter"),
                    COORDINATOR_ONLY),
            new Endpoint("POST", "/api/people/{person}/care-team", Map.of("username", "coordinator2"), COORDINATOR_ONLY),
            // Past the gate these name nobody the person has (a made-up representative, an auditor), so the shared world keeps its people.
            new Endpoint("POST", "/api/people/{person}/representatives/" + NO_SUCH_REPRESENTATIVE + "/end", Map.of("reason", "Stepped down"),
                    COORDINATOR_ONLY),
            new Endpoint("POST", "/api/people/{person}/care-team/auditor/end", Map.of("reason", "Left the service"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/people/{person}/referrals", Samples.referral(), REFER),
            new Endpoint("GET", "/api/people/{person}/referrals", null, VIEW_REFERRALS),
            new Endpoint("GET", "/api/referrals/{referral}", null, VIEW_REFERRALS),
            new Endpoint("POST", "/api/referrals/{referral}/eligibility", Samples.eligible(), DECIDE_ELIGIBILITY),
            new Endpoint("POST", "/api/people/{person}/plans", Samples.plan(null), EDIT_PLAN),
            new Endpoint("GET", "/api/people/{person}/plans", null, VIEW_PLAN),
            new Endpoint("GET", "/api/plans/{plan}", null, VIEW_PLAN),
            new Endpoint("PUT", "/api/plans/{plan}/draft", Samples.plan(null), EDIT_PLAN),
            new Endpoint("POST", "/api/plans/{plan}/agree", null, EDIT_PLAN),
            new Endpoint("GET", "/api/plans/{plan}/versions", null, VIEW_PLAN),
            new Endpoint("GET", "/api/plans/{plan}/versions/1", null, VIEW_PLAN),
            new Endpoint("GET", "/api/plans/{plan}/versions/1/fhir", null, VIEW_PLAN),
            new Endpoint("POST", "/api/people/{person}/plans/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", EDIT_PLAN),
            new Endpoint("POST", "/api/people/{person}/budgets", Map.of("lines", List.of(Samples.indicativeLine())), COORDINATOR_ONLY),
            new Endpoint("GET", "/api/people/{person}/budgets", null, VIEW_BUDGET),
            new Endpoint("GET", "/api/budgets/{budget}", null, VIEW_BUDGET),
            new Endpoint("POST", "/api/budgets/{budget}/submit", Map.of("planId", "{plan}"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/decisions", Map.of("approved", true, "reasons", "ok", "asPanel", true), APPROVER_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/activate", Map.of("startDate", "2025-06-01"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/direct-payment/suitability", Map.of("suitable", true, "note", "Able to manage"),
                    COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/direct-payment/withhold", Map.of("reason", "Misuse of funds"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/mechanism-changes", Map.of("notional", Samples.PLAN_TOTAL, "reason", "Simpler"),
                    COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/mechanism-changes/{change}/decision", Map.of("approved", false, "reasons", "No"),
                    APPROVER_ONLY),
            new Endpoint("GET", "/api/people/{person}/reviews", null, VIEW_REVIEWS),
            new Endpoint("GET", "/api/budgets/{budget}/ledger", null, VIEW_BUDGET),
            new Endpoint("POST", "/api/budgets/{budget}/payments", Map.of("from", "NOTIONAL", "payee", "DCA01", "amount", "1.00",
                    "planLine", 1, "description", "x"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/direct-payment/spend", Map.of("from", "DIRECT_PAYMENT", "amount", "1.00",
                    "planLine", 0, "description", "x"), EnumSet.of(Role.COORDINATOR, Role.BUDGET_HOLDER)),
            new Endpoint("POST", "/api/budgets/{budget}/direct-payment/transfers", Map.of("amount", "1.00"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/budgets/{budget}/direct-payment/returns", Map.of("amount", "1.00", "reason", "x"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/ledger/transactions/{allocation}/reversal", Map.of("reason", "x"), COORDINATOR_ONLY),
            new Endpoint("POST", "/api/reviews/{review}/complete", Map.of("outcome", "Plan working well; spend on track"),
                    EnumSet.of(Role.COORDINATOR, Role.CLINICIAN)));

    /** Endpoints about no one person: allowed by role alone. */
    private static final List<Endpoint> ROLE_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/people", null, VIEW_PERSON),
            new Endpoint("POST", "/api/people", Map.of("givenName", "New", "familyName", "Person", "dateOfBirth", "1980-01-01", "sex", "1"),
                    COORDINATOR_ONLY),
            new Endpoint("GET", "/api/budgets/awaiting-approval", null, APPROVER_ONLY),
            new Endpoint("GET", "/api/reviews/overdue", null, EnumSet.of(Role.COORDINATOR, Role.CLINICIAN)),
            new Endpoint("GET", "/api/audit", null, EnumSet.of(Role.AUDITOR)),
            new Endpoint("GET", "/api/reports/personal-health-budgets", null, EnumSet.of(Role.COMMISSIONER)),
            new Endpoint("GET", "/api/reports/personal-health-budgets.csv", null, EnumSet.of(Role.COMMISSIONER)),
            new Endpoint("GET", "/api/accounts", null, EnumSet.of(Role.ADMINISTRATOR)),
            new Endpoint("GET", "/api/ledger/reconciliation", null, EnumSet.of(Role.AUDITOR, Role.COMMISSIONER)),
            new Endpoint("POST", "/api/ledger/uplifts", Map.of("percent", "99", "description", "x"), EnumSet.of(Role.COMMISSIONER)),
            new Endpoint("GET", "/api/ledger/monitoring?month=2025-01", null, EnumSet.of(Role.COMMISSIONER)),
            new Endpoint("POST", "/api/ledger/periods/2999-01/close", null, EnumSet.of(Role.COMMISSIONER)),
            new Endpoint("POST", "/api/accounts/coordinator2/enable", null, EnumSet.of(Role.ADMINISTRATOR)),
            new Endpoint("GET", "/api/pathways", null, EnumSet.allOf(Role.class)),
            new Endpoint("PUT", "/api/pathways/MATRIX_TEST", pathway(), EnumSet.of(Role.COMMISSIONER, Role.ADMINISTRATOR)),
            new Endpoint("GET", "/api/me", null, EnumSet.allOf(Role.class)),
            new Endpoint("GET", "/api/openapi", null, EnumSet.allOf(Role.class)));

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @TestFactory
    Stream<DynamicTest> everyPersonEndpointForEveryRoleAndRecord() {
        TestWorld world = TestWorld.on(port, accounts);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : PERSON_ENDPOINTS) {
            for (Role role : Role.values()) {
                tests.add(check(endpoint, role, "own record", world.own, endpoint.ownRecord().contains(role)));
                tests.add(check(endpoint, role, "another person's record", world.otherPerson,
                        endpoint.otherPersonSameOrganisation().contains(role)));
                tests.add(check(endpoint, role, "another organisation's record", world.otherOrganisation, NONE.contains(role)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyOtherEndpointForEveryRole() {
        TestWorld world = TestWorld.on(port, accounts);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ROLE_ENDPOINTS) {
            for (Role role : Role.values()) {
                tests.add(check(endpoint, role, "no record", world.own, endpoint.ownRecord().contains(role)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesCallersWhoAreNotSignedIn() {
        TestWorld world = TestWorld.on(port, accounts);
        return Stream.concat(PERSON_ENDPOINTS.stream(), ROLE_ENDPOINTS.stream())
                .map(endpoint -> dynamicTest("anonymous " + endpoint.method() + " " + endpoint.path(), () -> {
                    Api.Response response = Api.anonymous(port).send(endpoint.method(), fill(endpoint.path(), world.own),
                            body(endpoint, world.own), "application/json");
                    assertThat(response.status()).as(response.toString()).isEqualTo(401);
                }));
    }

    /** The record's "Remove" links and the confirmation pages behind them: only those who may remove see or open them. */
    @TestFactory
    Stream<DynamicTest> onlyThoseWhoMayRemoveSeeRemoveLinksAndOpenTheirPages() {
        TestWorld world = TestWorld.on(port, accounts);
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean mayRemove = COORDINATOR_ONLY.contains(role);
            tests.add(dynamicTest(role + (mayRemove ? " sees" : " does not see") + " Remove links on a record it opens", () -> {
                Api.Response record = Api.as(port, TestWorld.ACCOUNT_FOR_ROLE.get(role)).get("/people/" + world.own.person());
                assertThat(record.status()).as(record.status() + "").isEqualTo(VIEW_PERSON.contains(role) ? 200 : 403);
                assertThat(record.body().contains("/end\"")).as("a Remove link").isEqualTo(mayRemove);
            }));
            for (String confirmation : List.of("/care-team/clinician/end", "/representatives/" + NO_SUCH_REPRESENTATIVE + "/end")) {
                tests.add(dynamicTest(role + " GET /people/{person}" + confirmation + " on own record" + (mayRemove ? " passes the gate" : " is refused"), () -> {
                    Api.Response page = Api.as(port, TestWorld.ACCOUNT_FOR_ROLE.get(role)).get("/people/" + world.own.person() + confirmation);
                    // Past the gate, the made-up representative is not found; the clinician's page opens.
                    assertThat(page.status()).isEqualTo(mayRemove ? (confirmation.contains("clinician") ? 200 : 404) : 403);
                }));
                tests.add(dynamicTest(role + " GET /people/{person}" + confirmation + " on another person's and organisation's record is refused", () -> {
                    for (TestWorld.Records other : List.of(world.otherPerson, world.otherOrganisation)) {
                        Api.Response page = Api.as(port, TestWorld.ACCOUNT_FOR_ROLE.get(role)).get("/people/" + other.person() + confirmation);
                        assertThat(page.status()).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private DynamicTest check(Endpoint endpoint, Role role, String whose, TestWorld.Records records, boolean allowed) {
        String name = role + " " + endpoint.method() + " " + endpoint.path() + " on " + whose + (allowed ? " is allowed" : " is refused");
        return dynamicTest(name, () -> {
            Api.Response response = Api.as(port, TestWorld.ACCOUNT_FOR_ROLE.get(role))
                    .send(endpoint.method(), fill(endpoint.path(), records), body(endpoint, records), "application/json");
            if (allowed) {
                // Allowed means past the gate: the answer may still be a conflict with the record's state, never a refusal or a fault.
                assertThat(response.status()).as(response.toString()).isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(403);
                assertThat(response.text("code")).startsWith("ACCESS_");
            }
        });
    }

    private static String fill(String path, TestWorld.Records records) {
        String filled = path;
        for (Map.Entry<String, String> id : records.ids().entrySet()) {
            filled = filled.replace(id.getKey(), id.getValue());
        }
        return filled;
    }

    private static Object body(Endpoint endpoint, TestWorld.Records records) {
        if (endpoint.body() instanceof Map<?, ?> map && map.containsValue("{plan}")) {
            return Map.of("planId", records.plan().toString());
        }
        return endpoint.body();
    }

    private static Map<String, Object> pathway() {
        return Map.ofEntries(Map.entry("cohort", "MATRIX_TEST"), Map.entry("description", "Test cohort"),
                Map.entry("identifies", "GP"), Map.entry("refers", "GP"), Map.entry("assesses", "Team"),
                Map.entry("agreesBudgetAndPlan", "Coordinator"), Map.entry("approves", "Approver"), Map.entry("reviews", "Coordinator"),
                Map.entry("panel", "Panel"), Map.entry("approvalTolerancePercent", 10), Map.entry("panelThreshold", 50000),
                Map.entry("approvalDueDays", 10));
    }
}
