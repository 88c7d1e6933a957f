package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerationListener;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.Samples;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.analysis.AnalysisJob;
import org.almoner.platform.analysis.AnalysisJobs;
import org.almoner.platform.analysis.internal.AnalysisSteps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The commissioner's analysis pages over a real pipeline output: the platform analyses it when it starts (as the demo
 * does), and the pages show cohorts, statements of resources (with their CSV), capitation, release and the KPIs, each
 * checked with axe-core; an analysis started from the page shows its progress and finishes; bad addresses are refused
 * with a page, and other roles cannot open any of it.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommissioningPagesTest {

    private static Path folder;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AnalysisJobs jobs;

    Browser browser;

    @DynamicPropertySource
    static void analyticsOutput(DynamicPropertyRegistry registry) throws IOException {
        folder = Files.createTempDirectory("almoner-commissioning-");
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(800, 5, input), GenerationListener.none());
        Path keyFile = folder.resolve("area.key");
        Files.writeString(keyFile, PseudonymisationKey.newKeyText(new SecureRandom()) + "\n");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, folder.resolve("output"), null,
                PseudonymisationKey.fromFile(keyFile), LocalDate.of(2025, 6, 1), 30, false, new DuckDbSettings(2, 1024, null)));
        registry.add("almoner.analytics.output", () -> folder.resolve("output").toString());
        registry.add("almoner.analytics.key-file", keyFile::toString);
        registry.add("almoner.analytics.memory-limit-mb", () -> "1024");
    }

    @BeforeAll
    void start() throws InterruptedException {
        TestWorld.on(port, accounts);
        budgetStartedTodayThirtyDaysAfterItsReferral();
        browser = new Browser(port);
        // The platform analyses its output when it starts; the pages are read once that has finished.
        awaitEveryJob(Duration.ofMinutes(5));
    }

    @AfterAll
    void stop() {
        browser.close();
        AnalysisSteps.deleteFolder(folder);
    }

    @Test
    void cohortsShowSizeCostAndTheEqualityBreakdownWithTheFlaggedGroups() {
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/cohorts")).isEqualTo(200);
        assertThat(page.locator("h1").textContent()).isEqualTo("Cohorts");
        assertThat(page.locator("main").textContent()).contains("From the analysis of output");
        Locator cohorts = page.locator("table tbody tr");
        assertThat(cohorts.count()).isGreaterThan(1);
        browser.check(page, "commissioning-cohorts");

        // The cohort with the most groups flagged, so the flags on its page can be counted.
        String flagged = page.locator("table tbody tr:has(.nhsuk-tag) a").count() > 0
                ? page.locator("table tbody tr:has(.nhsuk-tag) a").first().textContent() : cohorts.first().locator("a").textContent();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(flagged).setExact(true)).click();
        page.waitForLoadState();
        assertThat(page.locator("h1").textContent()).isEqualTo(flagged);
        assertThat(page.locator("table caption").allTextContents()).anySatisfy(caption -> assertThat(caption).startsWith("Cost by setting in"))
                .anySatisfy(caption -> assertThat(caption).startsWith("Cost by provider in"))
                .anySatisfy(caption -> assertThat(caption).startsWith("Equality breakdown in"));
        String groups = page.locator("dt:text-is('Groups under-represented') + dd").textContent().strip();
        assertThat(page.locator("tr.almoner-flagged").count()).as("rows flagged in the equality table").isEqualTo(Integer.parseInt(groups));
        assertThat(page.locator("tr.almoner-flagged .nhsuk-tag").allTextContents()).allSatisfy(tag -> assertThat(tag).contains("Under-represented"));
        browser.check(page, "commissioning-cohort");
        page.context().close();
    }

    @Test
    void theSystemStatementHasEveryColumnOfTheHandbookAndDownloadsAsCsv() throws Exception {
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/statements")).isEqualTo(200);
        String cohort = page.locator("#cohort option").nth(1).getAttribute("value");
        page.locator("#cohort").selectOption(cohort);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForLoadState();
        List<String> headings = page.locator("table thead th").allTextContents().stream().map(String::strip).toList();
        // Handbook 2.7.4 f, column by column.
        assertThat(headings).contains("Current provider", "Service name", "What the service is for", "How cost is calculated", "Unit",
                "Units per year per person", "Cost per unit", "Include in personal budgets", "When could it be included",
                "Anticipated uptake", "Forecast cost", "Forecast cost per person");
        browser.check(page, "commissioning-statements");

        Download download = page.waitForDownload(() -> page.getByText("Download as CSV").click());
        List<String> csv = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(csv.getFirst()).startsWith("cohort_id,need_band,people_in_band,current_provider_code,current_provider,");
        assertThat(csv.subList(1, csv.size())).allSatisfy(line -> assertThat(line).startsWith(cohort + ","));
        assertThat(csv.size() - 1L).as("every line of the cohort's statement").isEqualTo(linesOfStatement(cohort)).isPositive();
        page.context().close();
    }

    @Test
    void aStatementLongerThanAPageGoesOnToTheNextAndBack() throws Exception {
        String cohort = longestStatement();
        long lines = linesOfStatement(cohort);
        assertThat(lines).as("the longest statement is longer than a page").isGreaterThan(AnalyticsPages.PAGE_SIZE);
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/statements?cohort=" + cohort)).isEqualTo(200);
        assertThat(page.locator("nav.nhsuk-pagination").textContent()).contains("Rows 1 to 50 of " + lines + ".");
        page.locator("a.nhsuk-pagination__link--next").click();
        page.waitForLoadState();
        assertThat(page.locator("nav.nhsuk-pagination").textContent()).contains("Rows 51 to " + Math.min(100, lines) + " of " + lines + ".");
        assertThat(page.locator("table tbody tr").count()).isEqualTo((int) Math.min(50, lines - 50));
        browser.check(page, "commissioning-statements-page-2");
        page.locator("a.nhsuk-pagination__link--prev").click();
        page.waitForLoadState();
        assertThat(page.locator("nav.nhsuk-pagination").textContent()).contains("Rows 1 to 50 of " + lines + ".");
        page.context().close();
    }

    @Test
    void capitationAndReleaseShowTheirChartsAndFigures() {
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/capitation")).isEqualTo(200);
        assertThat(page.locator("figure.chart svg[role=img]").count()).isGreaterThanOrEqualTo(1);
        assertThat(page.locator("table caption").allTextContents()).contains("Baseline by cohort", "How well the complexity adjustment fits");
        assertThat(page.locator("table:has(caption:text-is('Baseline by cohort')) tbody tr").count()).isPositive();
        browser.check(page, "commissioning-capitation");

        assertThat(Browser.visit(page, "/release")).isEqualTo(200);
        assertThat(page.locator("figure.chart figcaption").allTextContents()).contains("Money released from contracts each year",
                "Double-funding each year", "Personal health budget holders each year");
        // The two scenario files the analysis compares, by the names they give themselves.
        assertThat(page.locator("figure.chart").first().locator(".legend li").allTextContents())
                .containsExactlyInAnyOrder("Staged release (handbook 3.3)", "Double-funding then capitated release");
        assertThat(page.locator("table tbody tr").count()).as("every scenario's years").isGreaterThanOrEqualTo(2);
        browser.check(page, "commissioning-release");
        page.context().close();
    }

    @Test
    void theIndicatorsNameEveryMeasureOfTheHandbookAndSayWhichCannotBeComputedYet() throws Exception {
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/indicators")).isEqualTo(200);
        List<String> names = page.locator("dt").allTextContents().stream().map(String::strip).toList();
        for (String measure : List.of("Proportion of people who have a personalised care and support plan",
                "Achievement of outcomes in personalised care and support plans",
                "Proportion of people who have personalised care approaches such as shared decision making and self-management",
                "Proportion of people who access social prescribing",
                "Proportion of people who have a personal health budget or integrated personal budget",
                "Patient and carer satisfaction and experience", "Demonstration of co-production in service development",
                "Total funding being spent through personal health budgets and personalised care", "Budgets by type",
                "Time from referral to budget", "Reviews held on time", "Spend against plan")) {
            assertThat(names).as(measure).anySatisfy(name -> assertThat(name).startsWith(measure));
        }
        // NORTH has three people (two of TestWorld's and one of this test's), each with an agreed plan and an active budget.
        String plans = row(page, "Proportion of people who have a personalised care and support plan");
        assertThat(plans).contains("100.0%").contains("3 of 3 people recorded");
        assertThat(plans).contains(String.format(java.util.Locale.UK, "%,d people in the analysis's cohorts", peopleInCohorts()));
        assertThat(row(page, "Patient and carer satisfaction and experience")).contains("Not computed yet").contains("No survey");
        assertThat(row(page, "Budgets by type")).startsWith("3");
        // Only this test's budget started in the last 12 months (TestWorld's started on 1 June 2025).
        assertThat(row(page, "Time from referral to budget")).startsWith("30 days (median)").contains("1 budget started");
        // Nothing has been paid; each budget's year is spread over the days of this financial year it was active.
        LocalDate today = LocalDate.now();
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
        BigDecimal planned = Samples.PLAN_TOTAL.multiply(BigDecimal.valueOf(2 * (ChronoUnit.DAYS.between(yearStart, today) + 1) + 1))
                .divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
        assertThat(row(page, "Spend against plan")).startsWith("0.0%")
                .contains("£0.00 spent against " + String.format(java.util.Locale.UK, "£%,.2f", planned) + " planned");
        browser.check(page, "commissioning-indicators");
        page.context().close();
    }

    @Test
    void anAnalysisStartedFromThePageShowsItsProgressAndFinishes() throws Exception {
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/analysis")).isEqualTo(200);
        // Nothing chosen: the design system's error summary, linking to the first choice.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the analysis")).click();
        page.waitForLoadState();
        assertThat(page.locator(".nhsuk-error-summary").textContent()).contains("Choose the data set to analyse");
        assertThat(page.locator(".nhsuk-error-summary a").getAttribute("href")).isEqualTo("#dataSet-0");
        browser.check(page, "commissioning-analysis-error");

        // By keyboard: the input folder (the pipeline runs first), then the button.
        page.getByLabel("input").focus();
        page.keyboard().press("Space");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the analysis")).focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/analysis/jobs/**");
        assertThat(page.locator("h1").textContent()).isEqualTo("Analysing input");
        assertThat(page.locator("#job-progress").textContent()).containsAnyOf("Step 1 of 6", "Step 2 of 6", "Step 3 of 6", "Step 4 of 6",
                "Step 5 of 6", "Step 6 of 6", "The analysis has finished");
        browser.check(page, "commissioning-analysis-job");

        // Left and come back to, in a window that keeps the content security policy: the page polls by itself (its own
        // script) until the job is done.
        Page strict = Browser.signIn(browser.open(1280, 900, false), "commissioner");
        List<String> errors = new java.util.ArrayList<>();
        strict.onPageError(errors::add);
        strict.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        Browser.visit(strict, "/analysis");
        strict.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("input")).first().click();
        strict.waitForURL(page.url());
        strict.locator("text=The analysis has finished").waitFor(new Locator.WaitForOptions().setTimeout(300_000));
        assertThat(strict.locator("#job-progress").textContent()).contains("indicative budgets");
        assertThat(errors).isEmpty();
        strict.context().close();

        Browser.visit(page, page.url());
        browser.check(page, "commissioning-analysis-finished");

        assertThat(Browser.visit(page, "/cohorts")).isEqualTo(200);
        assertThat(page.locator("main").textContent()).contains("From the analysis of input");
        page.context().close();
    }

    @Test
    void anAnalysisThatFailsSaysWhyAndKeepsTheAnalysisBefore() throws Exception {
        // A folder that looks like a pipeline output but whose activity file is not Parquet.
        Path broken = Files.createDirectories(folder.resolve("broken").resolve("linked"));
        Files.writeString(broken.resolve("activity.parquet"), "this is not a parquet file\n");
        Page page = Browser.signIn(browser.open(), "commissioner");
        Browser.visit(page, "/cohorts");
        String shownBefore = page.locator("main p.nhsuk-body-s").first().textContent();

        Browser.visit(page, "/analysis");
        page.getByLabel("broken").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the analysis")).click();
        page.waitForURL("**/analysis/jobs/**");
        page.locator("text=The analysis did not finish").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        String why = page.locator(".nhsuk-error-summary").textContent();
        assertThat(why).contains("The pages still show the analysis before it").doesNotContain("Exception").doesNotContain("\tat ");
        browser.check(page, "commissioning-analysis-failed");

        Browser.visit(page, "/cohorts");
        assertThat(page.locator("main p.nhsuk-body-s").first().textContent()).isEqualTo(shownBefore);
        assertThat(page.locator("table tbody tr").count()).isGreaterThan(1);
        AnalysisSteps.deleteFolder(folder.resolve("broken"));
        page.context().close();
    }

    @Test
    void badAddressesGetAPageNotAFailure() {
        Page page = Browser.signIn(browser.open(), "commissioner");
        assertThat(Browser.visit(page, "/cohorts?year=1999/00")).isEqualTo(404);
        assertThat(page.locator("main").textContent()).contains("no financial year '1999/00'");
        assertThat(Browser.visit(page, "/cohorts/no-such-cohort")).isEqualTo(404);
        assertThat(Browser.visit(page, "/cohorts/no-such-cohort?page=x")).isEqualTo(404);
        assertThat(Browser.visit(page, "/statements?cohort=nobody")).isEqualTo(404);
        assertThat(page.request().get("/statements.csv?cohort=nobody").status()).isEqualTo(404);
        assertThat(page.request().get("/statements.csv").status()).isEqualTo(400);
        assertThat(Browser.visit(page, "/analysis/jobs/not-a-job")).isEqualTo(404);
        assertThat(Browser.visit(page, "/analysis/jobs/" + java.util.UUID.randomUUID())).isEqualTo(404);
        browser.check(page, "commissioning-not-found");
        page.context().close();
    }

    @Test
    void otherRolesHaveNoLinkAndAreRefused() {
        for (String username : List.of("coordinator", "approver", "auditor", "holder", "administrator")) {
            Page page = Browser.signIn(browser.open(), username);
            assertThat(page.locator(".nhsuk-header__navigation-link").allTextContents()).as(username)
                    .noneSatisfy(link -> assertThat(link.strip()).isIn("Cohorts", "Statements of resources", "Capitation",
                            "Releasing funding", "Indicators", "Analysis"));
            for (String path : List.of("/cohorts", "/statements", "/statements.csv?cohort=x", "/capitation", "/release", "/indicators",
                    "/analysis", "/analysis/jobs/" + java.util.UUID.randomUUID())) {
                assertThat(page.request().get(path).status()).as(username + " " + path).isEqualTo(403);
            }
            assertThat(Api.as(port, username).post("/analysis/jobs?dataSet=output", null).status())
                    .as(username + " starting an analysis").isEqualTo(403);
            page.context().close();
        }
    }

    /** A budget in NORTH whose referral came 30 days before it started today, through the API as the team would. */
    private void budgetStartedTodayThirtyDaysAfterItsReferral() {
        Api coordinator = Api.as(port, "coordinator");
        String person = coordinator.post("/api/people", Map.of("givenName", "Tess", "familyName", "Thirty", "dateOfBirth", "1948-02-03",
                "sex", "2", "postcode", "NF1 3CD")).text("id");
        Map<String, Object> referral = new HashMap<>(Samples.referral());
        referral.put("receivedOn", LocalDate.now().minusDays(30).toString());
        String referralId = coordinator.post("/api/people/" + person + "/referrals", referral).text("id");
        assertThat(coordinator.post("/api/referrals/" + referralId + "/eligibility", Samples.eligible()).status()).isEqualTo(200);
        String plan = coordinator.post("/api/people/" + person + "/plans", Samples.plan(null)).text("id");
        assertThat(coordinator.post("/api/plans/" + plan + "/agree", null).status()).isEqualTo(201);
        String budget = coordinator.post("/api/people/" + person + "/budgets", Map.of("lines", List.of(Samples.indicativeLine())))
                .json().path("budget").path("id").asString();
        assertThat(coordinator.post("/api/budgets/" + budget + "/submit", Map.of("planId", plan)).status()).isEqualTo(200);
        assertThat(Api.as(port, "approver").post("/api/budgets/" + budget + "/decisions",
                Map.of("approved", true, "reasons", "Meets needs", "asPanel", true)).status()).isEqualTo(200);
        assertThat(coordinator.post("/api/budgets/" + budget + "/activate", Map.of("startDate", LocalDate.now().toString())).status())
                .isEqualTo(200);
    }

    private static String row(Page page, String measure) {
        return page.locator(".nhsuk-summary-list__row").filter(new Locator.FilterOptions().setHas(page.locator("dt", new Page.LocatorOptions()
                .setHasText(measure)))).first().locator("dd").textContent().strip();
    }

    private void awaitEveryJob(Duration patience) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (jobs.recent("almoner").stream().anyMatch(AnalysisJob::inProgress) || jobs.recent("almoner").isEmpty()) {
            assertThat(Instant.now()).as("the analysis finishes").isBefore(until);
            Thread.sleep(500);
        }
        assertThat(jobs.recent("almoner")).allSatisfy(job -> assertThat(job.state()).as(job.message()).isEqualTo(AnalysisJob.State.DONE));
    }

    private static long linesOfStatement(String cohort) throws Exception {
        return count("SELECT count(*) FROM read_csv(" + DuckDb.literal(folder.resolve("analysis/current/statements/system_statement.csv")
                .toString()) + ", header = true) WHERE cohort_id = ?", cohort);
    }

    private static String longestStatement() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null));
                PreparedStatement statement = connection.prepareStatement("SELECT cohort_id FROM read_csv(" + DuckDb.literal(folder
                        .resolve("analysis/current/statements/system_statement.csv").toString()) + ", header = true)"
                        + " GROUP BY cohort_id ORDER BY count(*) DESC, cohort_id LIMIT 1");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long peopleInCohorts() throws Exception {
        String members = "read_parquet(" + DuckDb.literal(folder.resolve("analysis/current/cohorts/cohort_members.parquet").toString()) + ")";
        return count("SELECT count(DISTINCT person_pseudonym) FROM " + members + " WHERE financial_year = (SELECT max(financial_year) FROM "
                + members + ")");
    }

    private static long count(String sql, String... parameters) throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setString(index + 1, parameters[index]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
