package org.almoner.platform.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.Samples;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class PlanVersionsTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void keepsEveryAgreedVersionAndCountsOnlyPlansMeetingAllFiveCriteria() {
        TestWorld world = TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator");
        String person = world.own.person().toString();
        Map<String, Object> plan = new LinkedHashMap<>(Samples.plan(null));
        plan.put("criteria", Map.of("personCentralInDevelopingAndAgreeing", true, "proactivePersonalisedConversations", true,
                "outcomesAgreedInPartnership", true, "sharablePlanRecordsWhatMatters", true, "ableToReview", false));
        String planId = coordinator.post("/api/people/" + person + "/plans", plan).text("id");

        Api.Response first = coordinator.post("/api/plans/" + planId + "/agree", null);
        plan.put("criteria", Map.of("personCentralInDevelopingAndAgreeing", true, "proactivePersonalisedConversations", true,
                "outcomesAgreedInPartnership", true, "sharablePlanRecordsWhatMatters", true, "ableToReview", true));
        plan.put("strengths", java.util.List.of("Determined", "Likes company"));
        coordinator.put("/api/plans/" + planId + "/draft", plan);
        Api.Response second = coordinator.post("/api/plans/" + planId + "/agree", null);

        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(first.json().path("counts").asBoolean()).isFalse();
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(second.json().path("counts").asBoolean()).isTrue();
        JsonNode versions = coordinator.get("/api/plans/" + planId + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("content").path("strengths")).hasSize(2);
        assertThat(versions.get(0).path("content").path("strengths").get(1).asString()).isEqualTo("Supportive family");
        assertThat(versions.get(1).path("content").path("strengths").get(1).asString()).isEqualTo("Likes company");
    }

    @Test
    void aPlanExportedAsFhirImportsBackAsTheSamePlan() {
        TestWorld world = TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator");
        String person = world.own.person().toString();

        Api.Response exported = coordinator.get("/api/plans/" + world.own.plan() + "/versions/1/fhir");
        Api.Response imported = coordinator.send("POST", "/api/people/" + person + "/plans/fhir", exported.body(), "application/fhir+json");

        assertThat(exported.contentType()).startsWith("application/fhir+json");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode original = coordinator.get("/api/plans/" + world.own.plan() + "/versions/1").json().path("content");
        assertThat(imported.json().path("draft")).isEqualTo(original);
    }

    @Test
    void aPlanCannotBeAgreedUntilItSaysWhatMattersAndWhenItIsReviewed() {
        TestWorld world = TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator");
        Map<String, Object> plan = new LinkedHashMap<>(Samples.plan(null));
        plan.remove("plannedReview");
        String planId = coordinator.post("/api/people/" + world.own.person() + "/plans", plan).text("id");

        Api.Response refused = coordinator.post("/api/plans/" + planId + "/agree", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("PLAN_INCOMPLETE");
        assertThat(refused.text("field")).isEqualTo("plannedReview");
        assertThat(coordinator.get("/api/plans/" + planId + "/versions").json()).isEmpty();
    }

    @Test
    void theBudgetHolderCanReadTheirOwnPlan() {
        TestWorld world = TestWorld.on(port, accounts);

        Api.Response shared = Api.as(port, "holder").get("/api/plans/" + world.own.plan() + "/versions/1");

        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json().path("content").path("aboutMe").path("whatMattersToMe").asString()).contains("grandchildren");
    }
}
