package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The budget holder's own pages on a phone, the caseload's filters, opening a record outside the
 * caseload with a reason, what a provider sees, and the commissioner's overview and national return.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleAndHolderPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Browser browser;
    TestWorld world;

    @BeforeAll
    void start() {
        world = TestWorld.on(port, accounts);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void theBudgetHolderReadsTheirPlanAndBudgetOnAPhone() {
        Page holder = Browser.signIn(browser.open(390, 844, true), "holder");
        holder.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My plan")).first().click();
        holder.waitForLoadState();
        assertThat(holder.locator("main").textContent()).contains("This is the plan you agreed on 1 May 2025")
                .contains("Staying at home and seeing my grandchildren.").contains("Remain living at home").contains("£16,151.00")
                .contains("Dana");
        browser.check(holder, "holder-my-plan-phone");
        holder.navigate("/my/budget");
        assertThat(holder.locator("main").textContent()).contains("£16,151.00 a year").contains("Your budget started on 1 June 2025")
                .contains("is held by the NHS or council").contains("is left this year.")
                // Other tests may hold this person's reviews, so the date of the next one is not fixed.
                .containsPattern("Annual review by \\d{1,2} [A-Z][a-z]+ \\d{4}");
        browser.check(holder, "holder-my-budget-phone");
        holder.navigate("/my/spending");
        assertThat(holder.locator("main").textContent()).as("a budget held notionally has no spending to report")
                .contains("there is no spending for you to tell us about").contains("What I can spend it on")
                .contains("Home care cover").doesNotContain("Tell us what you spent");
        browser.check(holder, "holder-my-spending-notional-phone");
        assertThat(Browser.visit(holder, "/people/" + world.otherPerson.person())).as("someone else's record").isEqualTo(403);
        assertThat(holder.locator("main").textContent()).contains("You do not have access to this person's record");
        assertThat(Browser.visit(holder, "/budgets/" + world.own.budget())).as("their own budget's page").isEqualTo(200);
        holder.context().close();
    }

    @Test
    void theCaseloadFiltersByNameAndBudgetStage() {
        Page coordinator = Browser.signIn(browser.open(), "coordinator");
        coordinator.navigate("/people");
        coordinator.getByLabel("Name or NHS number").fill("olive owen");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("tbody tr").allTextContents()).singleElement().asString().contains("Owen, Olive").contains("Active");
        browser.check(coordinator, "caseload-filtered");
        coordinator.getByLabel("Budget").selectOption("NONE");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("No one matches");
        coordinator.context().close();
    }

    @Test
    void aRecordOutsideTheCaseloadOpensWithAReasonAndIsFlaggedForReview() {
        Page coordinator = Browser.signIn(browser.open(), "coordinator");
        assertThat(Browser.visit(coordinator, "/people/" + world.otherPerson.person())).isEqualTo(403);
        assertThat(coordinator.locator("h1").textContent()).isEqualTo("This person is not in your caseload");
        browser.check(coordinator, "reason-required");
        coordinator.getByLabel("Why do you need to open this record?").fill("Covering for a colleague on leave");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the record")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("h1").textContent()).isEqualTo("Nora Northern");
        coordinator.context().close();

        Page auditor = Browser.signIn(browser.open(), "auditor");
        auditor.navigate("/audit");
        auditor.getByLabel("Person (identifier, optional)").fill(world.otherPerson.person().toString());
        auditor.getByLabel("Only accesses flagged for review").check();
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        auditor.waitForLoadState();
        assertThat(auditor.locator("tbody").textContent()).contains("coordinator").contains("Flagged")
                .contains("Covering for a colleague on leave");
        browser.check(auditor, "audit-flagged");
        auditor.context().close();
    }

    @Test
    void aProviderSeesThePersonTheyProvideForButNotTheirBudget() {
        Page provider = Browser.signIn(browser.open(), "provider");
        provider.navigate("/people");
        provider.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Owen, Olive")).click();
        provider.waitForLoadState();
        assertThat(provider.locator("h1").textContent()).isEqualTo("Olive Owen");
        assertThat(provider.locator("h2").allTextContents()).contains("Care and support plans").doesNotContain("Budget", "Referrals and eligibility");
        browser.check(provider, "provider-person");
        assertThat(Browser.visit(provider, "/budgets/" + world.own.budget())).isEqualTo(403);
        provider.context().close();
    }

    @Test
    void theCommissionerSeesTheOverviewAndDownloadsTheNationalReturn() {
        Page commissioner = Browser.signIn(browser.open(), "commissioner");
        commissioner.navigate("/overview");
        assertThat(commissioner.locator("main").textContent()).contains("People recorded").contains("Active");
        commissioner.navigate("/national-return");
        commissioner.getByLabel("On the day").fill("2025-07-01");
        commissioner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        commissioner.waitForLoadState();
        assertThat(commissioner.locator("table").textContent()).contains("NHS continuing healthcare").contains("Adult").contains("Notional");
        browser.check(commissioner, "national-return-2025-07-01");
        String csv = commissioner.getByText("Download as CSV").getAttribute("href");
        APIResponse download = commissioner.request().get(csv);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.text()).startsWith("as_of,eligibility_category,age_group,delivery_mode,duration,budgets,total_amount")
                .contains("2025-07-01,NHS_CONTINUING_HEALTHCARE,ADULT,NOTIONAL,ONGOING");
        commissioner.context().close();
    }
}
