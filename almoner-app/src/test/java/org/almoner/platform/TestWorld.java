package org.almoner.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;

/**
 * A small world every platform test can rely on, built once through the API: two organisations
 * (NORTH and SOUTH) and a provider (PROV1); an account for every role; and three people, each with
 * a decided referral, a referral waiting for a decision, an agreed plan, an active budget with a
 * proposed change of mechanism, and scheduled reviews:
 * <ul>
 *   <li>{@code own}: in NORTH, in the caseload of {@code coordinator}, {@code clinician} and
 *       {@code linkworker}, provided for by PROV1, and the person {@code holder} signs in as;</li>
 *   <li>{@code otherPerson}: in NORTH, in nobody's caseload but {@code coordinator2}'s;</li>
 *   <li>{@code otherOrganisation}: in SOUTH.</li>
 * </ul>
 */
public final class TestWorld {

    public static final String NORTH = "NORTH";
    public static final String SOUTH = "SOUTH";
    public static final String PROVIDER = "PROV1";

    /** The account that plays each role in the matrix (all in NORTH, the provider in PROV1). */
    public static final Map<Role, String> ACCOUNT_FOR_ROLE = new EnumMap<>(Map.of(
            Role.COMMISSIONER, "commissioner",
            Role.COORDINATOR, "coordinator",
            Role.CLINICIAN, "clinician",
            Role.APPROVER, "approver",
            Role.LINK_WORKER, "linkworker",
            Role.PROVIDER, "provider",
            Role.BUDGET_HOLDER, "holder",
            Role.AUDITOR, "auditor",
            Role.ADMINISTRATOR, "administrator"));

    /** The records of one person, for building addresses. */
    public record Records(UUID person, UUID decidedReferral, UUID waitingReferral, UUID plan, UUID budget, UUID mechanismChange,
            UUID review, UUID allocation) {

        public Map<String, String> ids() {
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("{person}", person.toString());
            ids.put("{referral}", waitingReferral.toString());
            ids.put("{decidedReferral}", decidedReferral.toString());
            ids.put("{plan}", plan.toString());
            ids.put("{budget}", budget.toString());
            ids.put("{change}", mechanismChange.toString());
            ids.put("{review}", review.toString());
            ids.put("{allocation}", allocation.toString());
            return ids;
        }
    }

    private static TestWorld world;

    public final int port;
    public final Records own;
    public final Records otherPerson;
    public final Records otherOrganisation;

    private TestWorld(int port, Records own, Records otherPerson, Records otherOrganisation) {
        this.port = port;
        this.own = own;
        this.otherPerson = otherPerson;
        this.otherOrganisation = otherOrganisation;
    }

    /** The world on the running platform, built on first use. */
    public static synchronized TestWorld on(int port, Accounts accounts) {
        if (world != null && world.port == port) {
            return world;
        }
        ACCOUNT_FOR_ROLE.forEach((role, username) -> {
            if (role != Role.BUDGET_HOLDER) {
                open(accounts, username, role, role == Role.PROVIDER ? PROVIDER : NORTH);
            }
        });
        open(accounts, "coordinator2", Role.COORDINATOR, NORTH);
        open(accounts, "coordinator.south", Role.COORDINATOR, SOUTH);
        open(accounts, "approver.south", Role.APPROVER, SOUTH);

        Records own = build(port, "coordinator", "approver", "Olive", "Owen", PROVIDER);
        open(accounts, "holder", Role.BUDGET_HOLDER, NORTH);
        accounts.linkToPerson("holder", own.person());
        Records otherPerson = build(port, "coordinator2", "approver", "Nora", "Northern", null);
        Records otherOrganisation = build(port, "coordinator.south", "approver.south", "Sid", "Southern", null);
        assertThat(Api.as(port, "coordinator").post("/api/people/" + own.person() + "/care-team", Map.of("username", "clinician")).status())
                .isEqualTo(200);
        assertThat(Api.as(port, "coordinator").post("/api/people/" + own.person() + "/care-team", Map.of("username", "linkworker")).status())
                .isEqualTo(200);
        world = new TestWorld(port, own, otherPerson, otherOrganisation);
        return world;
    }

    private static void open(Accounts accounts, String username, Role role, String organisation) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new NewAccount(username, username, Api.PASSWORD, role, organisation, Optional.empty()));
        }
    }

    private static Records build(int port, String coordinatorName, String approverName, String given, String family, String provider) {
        Api coordinator = Api.as(port, coordinatorName);
        UUID person = id(coordinator.post("/api/people", Map.of("givenName", given, "familyName", family, "dateOfBirth", "1950-03-04",
                "sex", "2", "postcode", "NF1 2AB")));
        UUID decided = id(coordinator.post("/api/people/" + person + "/referrals", Samples.referral()));
        expect(coordinator.post("/api/referrals/" + decided + "/eligibility", Samples.eligible()), 200);
        UUID waiting = id(coordinator.post("/api/people/" + person + "/referrals", Samples.referral()));
        UUID plan = id(coordinator.post("/api/people/" + person + "/plans", Samples.plan(provider)));
        expect(coordinator.post("/api/plans/" + plan + "/agree", null), 201);
        UUID budget = UUID.fromString(coordinator.post("/api/people/" + person + "/budgets", Map.of("lines", List.of(Samples.indicativeLine())))
                .json().path("budget").path("id").asString());
        expect(coordinator.post("/api/budgets/" + budget + "/submit", Map.of("planId", plan.toString())), 200);
        expect(Api.as(port, approverName).post("/api/budgets/" + budget + "/decisions",
                Map.of("approved", true, "reasons", "Meets needs", "asPanel", true)), 200);
        expect(coordinator.post("/api/budgets/" + budget + "/activate", Map.of("startDate", "2025-06-01")), 200);
        UUID change = id(coordinator.post("/api/budgets/" + budget + "/mechanism-changes", Map.of("notional", Samples.PLAN_TOTAL,
                "thirdParty", 0, "directPayment", 0, "reason", "Person prefers the council to arrange everything")));
        UUID review = UUID.fromString(coordinator.get("/api/people/" + person + "/reviews").json().get(0).path("id").asString());
        UUID allocation = UUID.fromString(coordinator.get("/api/budgets/" + budget + "/ledger").json().path("transactions").get(0)
                .path("id").asString());
        return new Records(person, decided, waiting, plan, budget, change, review, allocation);
    }

    private static UUID id(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    private static void expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
