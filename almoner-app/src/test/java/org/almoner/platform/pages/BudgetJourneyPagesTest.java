package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.UUID;
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
 * The budget journey as the budget team walks it in the browser: record a person, refer them,
 * decide eligibility, set the indicative budget, write and agree the plan, send the budget for
 * approval, approve it as the approver, start it, and hold the first review. Every page on the way
 * is checked for accessibility, with its errors shown as well.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetJourneyPagesTest {

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
    void theBudgetTeamTakesAPersonFromReferralToTheirFirstReview() {
        String family = "Journey" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now();
        Page coordinator = Browser.signIn(browser.open(), "coordinator");

        // Record a person: an empty form is refused with an error summary linking to the field.
        coordinator.navigate("/people");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record a person")).click();
        coordinator.waitForLoadState();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record person")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Give the person's given name");
        browser.check(coordinator, "journey-01-record-person-errors");
        coordinator.locator(".nhsuk-error-summary a").first().click();
        coordinator.waitForLoadState();
        assertThat(coordinator.evaluate("document.activeElement.id")).isEqualTo("givenName");
        coordinator.getByLabel("Given name").fill("Jo");
        coordinator.getByLabel("Family name").fill(family);
        fillDate(coordinator, "dateOfBirth", LocalDate.of(1958, 3, 12));
        coordinator.getByLabel("Female").check();
        coordinator.getByLabel("Postcode").fill("nf1 2ab");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record person")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("h1").textContent()).isEqualTo("Jo " + family);
        String personPage = coordinator.url();

        // Referral.
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a referral")).click();
        coordinator.waitForLoadState();
        coordinator.getByLabel("Cohort (pathway)").selectOption("CHC");
        coordinator.getByLabel("Who is making the referral").selectOption("CONTINUING_HEALTHCARE_TEAM");
        coordinator.getByLabel("Name of the person referring").fill("Nurse Jones");
        coordinator.getByLabel("Why is the person being referred?").fill("Eligible for continuing healthcare; wants more choice at home");
        browser.check(coordinator, "journey-02-referral");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make referral")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Waiting for a decision");

        // Eligibility: a decision without reasons is refused; then recorded.
        coordinator.getByText("Decide eligibility").first().click();
        coordinator.waitForLoadState();
        coordinator.getByLabel("Yes").check();
        coordinator.locator("input[name=basis][value=NHS_CONTINUING_HEALTHCARE]").check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Record the reasons for the decision");
        browser.check(coordinator, "journey-03-eligibility-errors");
        coordinator.getByLabel("Reasons for the decision").fill("Primary health need (decision support tool)");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main .nhsuk-tag--green").textContent()).isEqualTo("Eligible");

        // Indicative budget: there is no statement of resources in the test world, so the page asks for the line.
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the indicative budget")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("no statement of resources");
        coordinator.getByLabel("Service").fill("CHC home care");
        coordinator.getByLabel("Units a year").fill("730");
        coordinator.getByLabel("Unit", new Page.GetByLabelOptions().setExact(true)).fill("hour");
        coordinator.getByLabel("Cost per unit in pounds").fill("21.00");
        browser.check(coordinator, "journey-04-indicative-line");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set indicative budget")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main table").textContent()).contains("CHC home care").contains("£21.00").contains("£15,330.00");
        browser.check(coordinator, "journey-05-indicative-budget");
        String budgetPage = coordinator.url();

        // The plan: agreeing an empty draft names what is missing; then the sections, two costed lines and the five criteria.
        coordinator.navigate(personPage);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a care and support plan")).click();
        coordinator.waitForLoadState();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree the plan")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Record what matters to the person");
        browser.check(coordinator, "journey-06-plan-errors");
        coordinator.locator("#aboutMe-whatMattersToMe").fill("Staying at home with my cat.");
        coordinator.locator("#strengths").fill("Determined\nGood neighbours");
        coordinator.locator("#outcomes-0-description").fill("Remain living at home");
        coordinator.locator("#outcomes-0-measure").fill("No unplanned admissions");
        fillLine(coordinator, 0, "Personal assistant", "730", "15.50", "NHS", "DIRECT_PAYMENT");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another line")).click();
        coordinator.waitForLoadState();
        fillLine(coordinator, 1, "Day centre", "52", "45.00", "SOCIAL_CARE", "NOTIONAL");
        coordinator.locator("input[name='agreement.agreedBy'][value=PERSON]").check();
        coordinator.locator("#agreement-name").fill("Jo " + family);
        fillDate(coordinator, "agreement-agreedOn", today.minusDays(10));
        fillDate(coordinator, "plannedReview", today.plusMonths(6));
        for (String criterion : PlanForm.CRITERIA) {
            coordinator.locator("#criteria-" + criterion).check();
        }
        browser.check(coordinator, "journey-07-plan-editor");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree the plan")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Agreed version 1. It meets all five criteria.").contains("£13,655.00");
        browser.check(coordinator, "journey-08-plan-agreed");

        // Send for approval: a direct payment needs its suitability recorded first.
        coordinator.navigate(budgetPage);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for approval")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Record that a direct payment suits the person");
        coordinator.locator("input[name=suitable][value=true]").check();
        coordinator.getByLabel("Why", new Page.GetByLabelOptions().setExact(true)).fill("Daughter helps manage the account");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record suitability")).click();
        coordinator.waitForLoadState();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for approval")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Budget sent for approval.").contains("Awaiting approval");

        // The approver finds it in the queue and approves it.
        Page approver = Browser.signIn(browser.open(), "approver");
        approver.navigate("/approvals");
        browser.check(approver, "journey-09-approvals");
        approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jo " + family)).click();
        approver.waitForLoadState();
        approver.locator("input[name=approved][value=true]").check();
        approver.getByLabel("Reasons").fill("Meets the outcomes in the plan at a fair cost");
        browser.check(approver, "journey-10-decision");
        approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        approver.waitForLoadState();
        assertThat(approver.locator("main").textContent()).contains("Decision recorded.").contains("approved by approver");
        approver.context().close();

        // The coordinator starts it four months ago, so the three-month direct payment review is overdue.
        coordinator.navigate(budgetPage);
        fillDate(coordinator, "startDate", today.minusMonths(4));
        coordinator.locator("input[name=ongoing][value=true]").check();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the budget")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Budget started.").contains("Active");
        assertThat(coordinator.locator("#mechanisms").textContent()).contains("£11,315.00").contains("£2,340.00");
        // Starting the budget allocated its money in the ledger, which the page shows part by part.
        assertThat(coordinator.locator("main").textContent()).contains("Left in all£13,655.00")
                .contains("Allocation of the approved budget");
        browser.check(coordinator, "journey-11-active-budget");

        // A change of how it is held: parts that do not add up are refused; the approver agrees one that does.
        coordinator.getByLabel("Notional, in pounds").fill("3340.00");
        coordinator.getByLabel("Direct payment, in pounds").fill("10000.00");
        coordinator.getByLabel("Why should it change?").fill("Day centre to arrange the transport too");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the change")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Make them add up to the budget");
        coordinator.getByLabel("Direct payment, in pounds").fill("10315.00");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the change")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("sent to an approver");
        Page approverAgain = Browser.signIn(browser.open(), "approver");
        approverAgain.navigate(budgetPage);
        approverAgain.locator("input[name^=changeApproved][value=true]").check();
        approverAgain.getByLabel("Reasons for the decision on this change").fill("Simpler for the person");
        browser.check(approverAgain, "journey-11b-change-decision");
        approverAgain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision on the change")).click();
        approverAgain.waitForLoadState();
        assertThat(approverAgain.locator("#mechanisms").textContent()).contains("£3,340.00").contains("£10,315.00");
        approverAgain.context().close();

        coordinator.navigate("/reviews");
        browser.check(coordinator, "journey-12-reviews");
        coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jo " + family + ": direct payment three month review")).click();
        coordinator.waitForLoadState();
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record review")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Record what the review found");
        browser.check(coordinator, "journey-13-review-errors");
        coordinator.getByLabel("What the review found and agreed").fill("Going well; the budget is enough and spent as planned.");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record review")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Review recorded for Jo " + family).contains("- held");
        browser.check(coordinator, "journey-14-person-after-review");
        coordinator.context().close();
    }

    private static void fillDate(Page page, String id, LocalDate date) {
        page.locator("#" + id).fill(Integer.toString(date.getDayOfMonth()));
        page.locator("#" + id + "-month").fill(Integer.toString(date.getMonthValue()));
        page.locator("#" + id + "-year").fill(Integer.toString(date.getYear()));
    }

    private static void fillLine(Page page, int row, String support, String units, String unitCost, String funding, String management) {
        String prefix = "#lines-" + row + "-";
        page.locator(prefix + "support").fill(support);
        page.locator(prefix + "frequency").fill("Every week");
        page.locator(prefix + "unitsPerYear").fill(units);
        page.locator(prefix + "unit").fill("hour");
        page.locator(prefix + "unitCost").fill(unitCost);
        page.locator(prefix + "fundingSource").selectOption(funding);
        page.locator(prefix + "management").selectOption(management);
    }
}
