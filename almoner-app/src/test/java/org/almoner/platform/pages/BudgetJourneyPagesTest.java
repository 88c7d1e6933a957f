package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.NewAccount;
import org.almoner.platform.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The budget journey as the budget team walks it in the browser: record a person, refer them,
 * decide eligibility, set the indicative budget, write and agree the plan, send the budget for
 * approval, approve it as the approver, start it, pay from it, add a nominee who reports direct
 * payment spend with a receipt on a phone, and hold the first review. Every page on the way is
 * checked for accessibility, with its errors shown as well.
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
    void theBudgetTeamTakesAPersonFromReferralThroughPaymentsAndSpendToTheirFirstReview() {
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
        // Enter in a field saves the draft (it once pressed "Add another line", the form's first button).
        coordinator.locator("#outcomes-0-measure").press("Enter");
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Draft saved.");
        assertThat(coordinator.locator("#outcomes-0-measure").inputValue()).isEqualTo("No unplanned admissions");
        assertThat(coordinator.locator("#lines-1-support").count()).as("no line was added").isZero();
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

        paysProvidersMovesTheDirectPaymentAndCorrectsMistakes(coordinator, budgetPage, "Jo " + family);
        String nominee = addsANomineeWithAnAccount(coordinator, personPage, family);
        theNomineeReportsSpendWithAReceiptOnAPhoneByKeyboard(nominee);

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

    /**
     * From the budget page: a payment for a line of the plan, the same form sent twice (paid once),
     * one the plan does not cover (an approver pays it), a direct payment transfer, a refund, and a
     * reversal. The budget started with £3,340.00 notional and £10,315.00 of direct payment.
     */
    private void paysProvidersMovesTheDirectPaymentAndCorrectsMistakes(Page coordinator, String budgetPage, String name) {
        coordinator.navigate(budgetPage);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay the provider")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Choose the line of the agreed plan this pays for");
        browser.check(coordinator, "journey-11c-payment-errors");
        coordinator.locator(".nhsuk-error-summary a").first().click();
        assertThat(coordinator.evaluate("document.activeElement.id")).isEqualTo("pay-planLine");
        coordinator.locator("#pay-planLine").selectOption("1");
        coordinator.getByLabel("Provider paid").fill("DAYCARE1");
        coordinator.getByLabel("Amount in pounds", new Page.GetByLabelOptions().setExact(true)).fill("180.00");
        coordinator.getByLabel("What the payment is for").fill("Day centre, May");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay the provider")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Payment of £180.00 to DAYCARE1 recorded.")
                .contains("Left in all£13,475.00");

        // The same form sent twice (a double click, a resend) carries one idempotency key, so it pays once.
        String key = coordinator.locator("input[name='pay.idempotencyKey']").inputValue();
        FormData twice = FormData.create().set("_csrf", coordinator.locator("form[action$='/payments'] input[name=_csrf]").inputValue())
                .set("pay.idempotencyKey", key).set("pay.planLine", "1").set("pay.payee", "DAYCARE1").set("pay.amount", "25.00")
                .set("pay.description", "Day centre lunch, sent twice");
        APIResponse first = coordinator.request().post(budgetPage + "/payments", RequestOptions.create().setForm(twice));
        APIResponse second = coordinator.request().post(budgetPage + "/payments", RequestOptions.create().setForm(twice));
        assertThat(first.text()).contains("Payment of £25.00 to DAYCARE1 recorded.");
        assertThat(second.text()).contains("This was already recorded, so nothing was paid again.");
        coordinator.navigate(budgetPage);
        assertThat(coordinator.locator("main table").last().getByText("Day centre lunch, sent twice").count()).isEqualTo(1);
        assertThat(coordinator.locator("main").textContent()).contains("Left in all£13,450.00");

        // A payment the plan does not cover needs a reason, and then waits for an approver.
        coordinator.locator("#pay-planLine").selectOption("none");
        coordinator.getByLabel("Provider paid").fill("TAXI1");
        coordinator.getByLabel("Amount in pounds", new Page.GetByLabelOptions().setExact(true)).fill("40.00");
        coordinator.getByLabel("What the payment is for").fill("Taxi to the clinic");
        coordinator.locator("#pay-from").selectOption("NOTIONAL");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay the provider")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("give a reason and it will wait for an approver");
        coordinator.getByLabel("Why, if the plan does not cover it").fill("No transport in the plan yet; the clinic moved");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay the provider")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("it has gone to an approver").contains("Left in all£13,450.00");
        assertThat(coordinator.locator("#waiting-payments + div").textContent()).contains("Awaiting approval").contains("Taxi to the clinic");

        Page approver = Browser.signIn(browser.open(), "approver");
        approver.navigate("/approvals");
        assertThat(approver.locator("main").textContent()).contains("£40.00 to TAXI1 for Taxi to the clinic");
        browser.check(approver, "journey-11d-approvals-with-payment");
        approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        approver.waitForLoadState();
        assertThat(approver.locator("main").textContent()).as("an approver has no payment forms").doesNotContain("Pay a provider");
        FormData notTheirs = FormData.create().set("_csrf", approver.locator("form[action^='/payment-requests'] input[name=_csrf]").inputValue())
                .set("pay.idempotencyKey", UUID.randomUUID().toString()).set("pay.planLine", "1").set("pay.payee", "DAYCARE1")
                .set("pay.amount", "1.00").set("pay.description", "Not theirs to pay");
        assertThat(approver.request().post(budgetPage + "/payments", RequestOptions.create().setForm(notTheirs)).status())
                .as("an approver cannot pay, even by sending the form").isEqualTo(403);
        approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision on the payment")).click();
        approver.waitForLoadState();
        assertThat(approver.locator(".nhsuk-error-summary").textContent()).contains("Say whether the payment is approved.");
        browser.check(approver, "journey-11e-payment-decision-errors");
        approver.locator("input[name^=paymentApproved][value=true]").check();
        approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision on the payment")).click();
        approver.waitForLoadState();
        assertThat(approver.locator("main").textContent()).contains("Payment approved and paid.").contains("Left in all£13,410.00");
        approver.context().close();

        // The direct payment goes to the person's account; a refund comes back from it.
        coordinator.navigate(budgetPage);
        coordinator.getByLabel("Amount to transfer in pounds").fill("1000.00");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer to the person")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("£1,000.00 transferred to the person's direct payment account.")
                .contains("In the person's direct payment account£1,000.00");
        coordinator.getByLabel("Amount returned in pounds").fill("50.00");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the return")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Say why the money is returned");
        coordinator.getByLabel("Why is it returned?").fill("Refund of an overpaid invoice");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the return")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("£50.00 returned from the direct payment account.")
                .contains("Left in all£13,360.00");

        // A mistake is put right by a reversal, which cannot be asked for without choosing what it reverses.
        coordinator.getByLabel("Why is it reversed?").fill("Invoice paid twice");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reverse the transaction")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Choose the transaction to reverse.");
        browser.check(coordinator, "journey-11f-reversal-errors");
        String payment = coordinator.locator("#reversal-transaction option", new Page.LocatorOptions().setHasText("Day centre, May"))
                .getAttribute("value");
        coordinator.locator("#reversal-transaction").selectOption(payment);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reverse the transaction")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Transaction reversed: Day centre, May.")
                .contains("Left in all£13,540.00").contains("Reversal: Invoice paid twice");
        assertThat(coordinator.locator("#reversal-transaction option", new Page.LocatorOptions().setHasText("Day centre, May")).count())
                .as("a reversed payment is not offered again").isZero();
        browser.check(coordinator, "journey-11g-ledger-after-payments");
    }

    /** Records the person's daughter as their nominee, signing in with a budget holder account; and a colleague joins the care team. */
    private String addsANomineeWithAnAccount(Page coordinator, String personPage, String family) {
        String username = "nominee-" + family.substring("Journey".length()).toLowerCase(java.util.Locale.UK);
        accounts.create(new NewAccount(username, "Sam " + family, Api.PASSWORD, Role.BUDGET_HOLDER, TestWorld.NORTH, Optional.empty()));
        coordinator.navigate(personPage);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add representative")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("Say whether they are a representative or a nominee.");
        browser.check(coordinator, "journey-11h-representative-errors");
        coordinator.locator("input[name='representative.kind'][value=NOMINEE]").check();
        coordinator.getByLabel("Their name").fill("Sam " + family);
        coordinator.getByLabel("Relationship to the person").fill("Daughter");
        coordinator.getByLabel("Their account username (optional)").fill(username);
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add representative")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("Sam " + family + " added as a nominee.")
                .contains("Sam " + family + " (Nominee, Daughter)");
        coordinator.getByLabel("Username of the colleague to add").fill("nobody-here");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the care team")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator(".nhsuk-error-summary").textContent()).contains("There is no account called 'nobody-here'.");
        assertThat(coordinator.locator("#careTeam-username").inputValue()).isEqualTo("nobody-here");
        coordinator.getByLabel("Username of the colleague to add").fill("clinician");
        coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the care team")).click();
        coordinator.waitForLoadState();
        assertThat(coordinator.locator("main").textContent()).contains("clinician added to the care team.");
        browser.check(coordinator, "journey-11i-person-with-nominee");
        return username;
    }

    /**
     * The nominee, on a phone, sees what is left, what the plan lets them spend it on and whom to
     * contact; a receipt that is not a PDF or photo is refused, naming the field; then they report
     * spend with a PDF receipt using the keyboard alone.
     */
    private void theNomineeReportsSpendWithAReceiptOnAPhoneByKeyboard(String username) {
        Page nominee = Browser.signIn(browser.open(375, 812, true), username);
        assertThat(nominee.locator(".nhsuk-header__navigation-link", new Page.LocatorOptions().setHasText("My spending")).count()).isEqualTo(1);
        nominee.navigate("/my/spending");
        assertThat(nominee.locator("main").textContent()).contains("£950.00 is in your direct payment account now.")
                .contains("You have told us about £0.00 of spending.");
        assertThat(nominee.locator("#what-i-can-spend").textContent())
                .contains("Personal assistant, every week: up to £11,315.00 a year, paid from your direct payment.")
                .contains("Day centre, every week: up to £2,340.00 a year, arranged and paid for you by the NHS or council.");
        assertThat(nominee.locator("#who-to-contact").textContent()).contains("coordinator, personal health budget coordinator")
                .contains("clinician, clinician").contains("Your budget is looked after by NORTH.");
        browser.check(nominee, "holder-my-spending-phone");

        nominee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tell us what you spent")).click();
        nominee.waitForLoadState();
        nominee.getByLabel("Personal assistant").check();
        nominee.getByLabel("How much did you spend, in pounds?").fill("45.50");
        nominee.getByLabel("What was it for?").fill("3 hours with my personal assistant");
        nominee.getByLabel("Your receipt").setInputFiles(new FilePayload("notes.txt", "text/plain", "not a receipt".getBytes(StandardCharsets.UTF_8)));
        nominee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        nominee.waitForLoadState();
        assertThat(nominee.locator(".nhsuk-error-summary").textContent()).contains("A receipt must be a PDF or a photo");
        assertThat(nominee.locator(".nhsuk-error-summary a").getAttribute("href")).isEqualTo("#spend-receipt");
        assertThat(nominee.getByLabel("How much did you spend, in pounds?").inputValue()).as("what was typed is kept").isEqualTo("45.50");
        browser.check(nominee, "holder-spend-errors-phone");
        // A receipt over 10 MB is refused beside the field; one so big the server stops reading gets a page saying so.
        nominee.getByLabel("Your receipt").setInputFiles(new FilePayload("big.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]));
        nominee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        nominee.waitForLoadState();
        assertThat(nominee.locator(".nhsuk-error-summary").textContent()).contains("A receipt must be between 1 byte and 10 MB");
        nominee.getByLabel("Your receipt").setInputFiles(new FilePayload("huge.pdf", "application/pdf", new byte[21 * 1024 * 1024]));
        nominee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        nominee.waitForLoadState();
        assertThat(nominee.locator("h1").textContent()).isEqualTo("The file you sent is too big");
        // The same header as every page: who is signed in, the way to sign out, and the role's links.
        assertThat(nominee.locator("#signed-in-as").textContent()).contains("(Budget holder)");
        assertThat(nominee.locator("header .nhsuk-header__account-button").textContent()).isEqualTo("Sign out");
        assertThat(nominee.locator("header .nhsuk-header__navigation-link").count()).isPositive();
        browser.check(nominee, "holder-receipt-too-big-phone");

        // Keyboard alone: Tab to each field, Space for the choice and to open the file chooser, Enter to send.
        nominee.navigate("/my/spending/new");
        tabTo(nominee, "spend-planLine");
        nominee.keyboard().press("Space");
        nominee.keyboard().press("Tab");
        assertFocus(nominee, "spend-amount");
        nominee.keyboard().type("45.50");
        nominee.keyboard().press("Tab");
        assertFocus(nominee, "spend-description");
        nominee.keyboard().type("3 hours with my personal assistant");
        tabTo(nominee, "spend-receipt");
        FileChooser chooser = nominee.waitForFileChooser(() -> nominee.keyboard().press("Space"));
        chooser.setFiles(new FilePayload("receipt.pdf", "application/pdf", "%PDF-1.4\n% a receipt\n".getBytes(StandardCharsets.US_ASCII)));
        nominee.keyboard().press("Tab");
        assertThat(nominee.evaluate("document.activeElement.textContent.trim()")).isEqualTo("Send");
        nominee.keyboard().press("Enter");
        nominee.waitForURL("**/my/spending");
        assertThat(nominee.locator("main").textContent()).contains("Thank you. We have recorded £45.50 of spending with your receipt.")
                .contains("£904.50 is in your direct payment account now.").contains("You have told us about £45.50 of spending.");
        assertThat(nominee.locator("#movements").textContent()).contains("3 hours with my personal assistant").contains("£45.50 out").contains("£1,000.00 in");
        browser.check(nominee, "holder-my-spending-after-report-phone");

        // More than is in the account is refused beside the amount; the same form sent twice, receipt and all, records once.
        nominee.navigate("/my/spending/new");
        nominee.getByLabel("Personal assistant").check();
        nominee.getByLabel("How much did you spend, in pounds?").fill("5000.00");
        nominee.getByLabel("What was it for?").fill("A year of help");
        nominee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        nominee.waitForLoadState();
        assertThat(nominee.locator(".nhsuk-error-summary a").getAttribute("href")).isEqualTo("#spend-amount");
        assertThat(nominee.locator(".nhsuk-error-summary").textContent()).contains("below zero").contains("Nothing was posted.");
        FormData twice = FormData.create().set("_csrf", nominee.locator("input[name=_csrf]").first().inputValue())
                .set("spend.idempotencyKey", nominee.locator("input[name='spend.idempotencyKey']").inputValue())
                .set("spend.planLine", "0").set("spend.amount", "10.00").set("spend.description", "Bus fare, sent twice")
                .set("spend.receipt", new FilePayload("bus.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3}));
        assertThat(nominee.request().post("/my/spending/new", RequestOptions.create().setMultipart(twice)).text())
                .contains("We have recorded £10.00 of spending with your receipt.");
        assertThat(nominee.request().post("/my/spending/new", RequestOptions.create().setMultipart(twice)).text())
                .contains("This was already recorded, so nothing was paid again.");
        nominee.navigate("/my/spending");
        assertThat(nominee.locator("main").textContent()).contains("£894.50 is in your direct payment account now.");
        assertThat(nominee.locator("#movements").getByText("Bus fare, sent twice").count()).isEqualTo(1);
        nominee.context().close();
    }

    /** Presses Tab until the element with this id has the focus. */
    private static void tabTo(Page page, String id) {
        for (int presses = 0; presses < 40; presses++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + id);
    }

    private static void assertFocus(Page page, String id) {
        assertThat(page.evaluate("document.activeElement.id")).as("focus").isEqualTo(id);
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
