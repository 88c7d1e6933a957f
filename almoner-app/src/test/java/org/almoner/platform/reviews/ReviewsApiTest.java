package org.almoner.platform.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ReviewsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void overdueReviewsAreListedForTheCaseloadOnly() {
        TestWorld world = TestWorld.on(port, accounts);

        List<String> overdue = Api.as(port, "clinician").get("/api/reviews/overdue").json().valueStream()
                .map(review -> review.path("personId").asString()).toList();

        // The world's budgets started on 2025-06-01, so their annual reviews fell due on 2026-06-01.
        assertThat(overdue).contains(world.own.person().toString()).doesNotContain(world.otherPerson.person().toString());
    }

    @Test
    void holdingAnAnnualReviewSchedulesTheNextAndCannotBeRecordedTwice() {
        TestWorld world = TestWorld.on(port, accounts);
        Api coordinator = Api.as(port, "coordinator2");
        String personId = world.otherPerson.person().toString();
        JsonNode annual = coordinator.get("/api/people/" + personId + "/reviews").json().valueStream()
                .filter(review -> review.path("kind").asString().equals("ANNUAL") && review.path("completedOn").isNull())
                .findFirst().orElseThrow();

        Api.Response held = coordinator.post("/api/reviews/" + annual.path("id").asString() + "/complete",
                Map.of("heldOn", "2026-06-10", "outcome", "Outcomes met; spend on track; plan unchanged"));
        Api.Response again = coordinator.post("/api/reviews/" + annual.path("id").asString() + "/complete",
                Map.of("outcome", "Again"));

        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("completedBy")).isEqualTo("coordinator2");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("REVIEW_ALREADY_COMPLETED");
        assertThat(coordinator.get("/api/people/" + personId + "/reviews").json().valueStream()
                .map(review -> review.path("dueOn").asString())).contains("2027-06-10");
    }
}
