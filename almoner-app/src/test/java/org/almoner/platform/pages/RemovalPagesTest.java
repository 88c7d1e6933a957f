package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.almoner.platform.ledger.ActiveBudgets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator removes a colleague from a person's care team by keyboard alone, and their nominee
 * once someone else acts for them: each through its confirmation page, a reason required, back to
 * the record with what was done and the relationship listed as past. The nominee's account no
 * longer opens the record. Every page is checked with axe.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemovalPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Browser browser;

    @BeforeAll
    void start() {
        TestWorld.on(port, accounts);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aCoordinatorRemovesACareTeamMemberAndANomineeThroughThePages() {
        ActiveBudgets.ActiveBudget budget = ActiveBudgets.start(port, "coordinator", "approver");
        Api coordinatorApi = Api.as(port, "coordinator");
        var person = coordinatorApi.get("/api/people/" + budget.person()).json().path("person");
        String name = person.path("givenName").asString() + " " + person.path("familyName").asString();
        String nominee = "sam-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(nominee, "Sam", Api.PASSWORD, Role.BUDGET_HOLDER, TestWorld.NORTH, Optional.empty()));
        assertThat(coordinatorApi.post("/api/people/" + budget.person() + "/representatives",
                Map.of("kind", "NOMINEE", "name", "Sam Nominee", "relationship", "daughter", "username", nominee)).status()).isEqualTo(201);
        assertThat(coordinatorApi.post("/api/people/" + budget.person() + "/care-team", Map.of("username", "clinician")).status()).isEqualTo(200);
        Page samBefore = Browser.signIn(browser.open(), nominee);
        assertThat(Browser.visit(samBefore, "/people/" + budget.person())).as("the nominee opens the record before").isEqualTo(200);
        samBefore.context().close();

        Page coordinator = Browser.signIn(browser.open(), "coordinator");
        coordinator.navigate("/people/" + budget.person());
        assertThat(coordinator.locator("#care-team + .nhsuk-summary-list").textContent())
                .as("the only coordinator cannot be removed, so has no link").contains("Only coordinator: add another before removing them");
        assertThat(coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove coordinator from the care team")).count())
                .isZero();
        browser.check(coordinator, "removal-1-record");

        // The care team member, by keyboard alone.
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove clinician from the care team")).focus();
        coordinator.keyboard().press("Enter");
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("h1").textContent()).isEqualTo("Remove clinician from " + name + "'s care team");
        assertThat(coordinator.locator("main").textContent()).contains("is no longer in clinician's caseload");
        browser.check(coordinator, "removal-2-care-team-confirm");
        coordinator.getByLabel("Why is this ending?").focus();
        coordinator.keyboard().press("Tab");
        coordinator.keyboard().press("Enter");
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Say why this is ending");
        assertThat(coordinator.locator("#ending-reason-error").textContent()).contains("Say why this is ending");
        browser.check(coordinator, "removal-3-care-team-reason-missing");
        coordinator.locator(".nhsuk-error-summary a").focus();
        coordinator.keyboard().press("Enter");
        assertThat(coordinator.evaluate("document.activeElement.id")).as("the summary's link goes to the field").isEqualTo("ending-reason");
        coordinator.keyboard().type("Moved to the community team");
        coordinator.keyboard().press("Tab");
        coordinator.keyboard().press("Enter");
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-notification-banner--success").textContent())
                .contains("clinician is no longer in " + name + "'s care team.");
        assertThat(coordinator.locator("#past-care-team").textContent()).contains("clinician (clinician)")
                .contains("Moved to the community team").contains("removed by coordinator");
        assertThat(coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove clinician from the care team")).count())
                .isZero();
        browser.check(coordinator, "removal-4-care-team-removed");

        // The only nominee of someone with a direct payment stays until another acts for them.
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove Sam Nominee as nominee")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("h1").textContent()).isEqualTo("Remove Sam Nominee as " + name + "'s nominee");
        assertThat(coordinator.locator("main").textContent()).contains("their account no longer opens");
        coordinator.getByLabel("Why is this ending?").fill("Sam stepped down as nominee");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove nominee")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Sam Nominee is the only representative or nominee")
                .contains("Appoint another nominee or representative first, or withhold the direct payment");
        assertThat(coordinator.getByLabel("Why is this ending?").inputValue()).as("what was typed is kept").isEqualTo("Sam stepped down as nominee");
        browser.check(coordinator, "removal-5-nominee-still-needed");

        coordinator.getByText("Cancel").click();
        coordinator.waitForLoadState();
        coordinator.locator("input[name='representative.kind'][value=NOMINEE]").check();
        coordinator.getByLabel("Their name").fill("Alex Nominee");
        coordinator.getByLabel("Relationship to the person").fill("son");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add representative")).click();
        coordinator.waitForLoadState();
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove Sam Nominee as nominee")).click();
        coordinator.waitForLoadState();
        coordinator.getByLabel("Why is this ending?").fill("Sam stepped down as nominee");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove nominee")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-notification-banner--success").textContent())
                .contains("Sam Nominee is no longer a nominee for " + name + ".");
        assertThat(coordinator.locator("#past-representatives").textContent()).contains("Sam Nominee (Nominee, daughter)")
                .contains("Sam stepped down as nominee");
        assertThat(coordinator.locator(".nhsuk-summary-list").first().textContent()).contains("Alex Nominee").doesNotContain("Sam Nominee");
        browser.check(coordinator, "removal-6-nominee-removed");
        coordinator.context().close();

        Page sam = Browser.signIn(browser.open(), nominee);
        assertThat(Browser.visit(sam, "/people/" + budget.person())).as("the nominee is refused the record afterwards").isEqualTo(403);
        assertThat(Browser.visit(sam, "/budgets/" + budget.budget())).isEqualTo(403);
        assertThat(Browser.visit(sam, "/my/spending")).isNotEqualTo(200);
        browser.check(sam, "removal-7-former-nominee");
        sam.context().close();
    }
}
