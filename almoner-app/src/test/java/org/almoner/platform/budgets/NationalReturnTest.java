package org.almoner.platform.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class NationalReturnTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void countsTheOrganisationsBudgetsInPlaceByCategoryAgeModeAndDuration() {
        TestWorld.on(port, accounts);

        Api.Response csv = Api.as(port, "commissioner").get("/api/reports/personal-health-budgets.csv?asOf=2025-07-01");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("as_of,eligibility_category,age_group,delivery_mode,duration,budgets,total_amount");
        // The world's two NORTH people each have an ongoing, notional 16,151.00 budget from 2025-06-01; SOUTH's is not counted.
        assertThat(lines).contains("2025-07-01,NHS_CONTINUING_HEALTHCARE,ADULT,NOTIONAL,ONGOING,2,32302.00");
        assertThat(Api.as(port, "commissioner").get("/api/reports/personal-health-budgets?asOf=2025-05-31").json()).isEmpty();
    }
}
