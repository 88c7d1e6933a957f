package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.almoner.platform.TestWorld;
import org.almoner.platform.access.Accounts;
import org.almoner.platform.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in, sign-out and the header: each role sees the links it can open, and no others. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationPagesTest {

    /** Every page of the header, whoever may open it. */
    private static final Map<String, String> EVERY_PAGE = Map.ofEntries(
            Map.entry("Home", "/"), Map.entry("People", "/people"), Map.entry("Approvals", "/approvals"), Map.entry("Reviews", "/reviews"),
            Map.entry("My plan", "/my/plan"), Map.entry("My budget", "/my/budget"), Map.entry("Overview", "/overview"),
            Map.entry("National return", "/national-return"), Map.entry("Cohorts", "/cohorts"),
            Map.entry("Statements of resources", "/statements"), Map.entry("Capitation", "/capitation"),
            Map.entry("Releasing funding", "/release"), Map.entry("Indicators", "/indicators"), Map.entry("Analysis", "/analysis"),
            Map.entry("Audit trail", "/audit"), Map.entry("My spending", "/my/spending"));

    /** What each role's header should show, written out by hand from the role table in docs/platform.md. */
    private static final Map<Role, List<String>> EXPECTED = new EnumMap<>(Map.of(
            Role.COMMISSIONER, List.of("Home", "People", "Overview", "National return", "Cohorts", "Statements of resources", "Capitation",
                    "Releasing funding", "Indicators", "Analysis"),
            Role.COORDINATOR, List.of("Home", "People", "Reviews"),
            Role.CLINICIAN, List.of("Home", "People", "Reviews"),
            Role.APPROVER, List.of("Home", "People", "Approvals"),
            Role.LINK_WORKER, List.of("Home", "People"),
            Role.PROVIDER, List.of("Home", "People"),
            Role.BUDGET_HOLDER, List.of("Home", "My plan", "My budget", "My spending"),
            Role.AUDITOR, List.of("Home", "Audit trail"),
            Role.ADMINISTRATOR, List.of("Home")));

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
    void eachRoleSeesExactlyTheLinksItCanOpenAndEveryPageItOpensIsAccessible() {
        Set<String> checked = new HashSet<>();
        for (Map.Entry<Role, String> account : TestWorld.ACCOUNT_FOR_ROLE.entrySet()) {
            Role role = account.getKey();
            Page page = Browser.signIn(browser.open(), account.getValue());
            List<String> links = page.locator(".nhsuk-header__navigation-link").allTextContents().stream()
                    .map(String::strip).filter(text -> !text.startsWith("Browse")).toList();
            assertThat(links).as("header of " + role).isEqualTo(EXPECTED.get(role));
            for (Map.Entry<String, String> destination : EVERY_PAGE.entrySet()) {
                // Each page is drawn and checked for accessibility once; otherwise asking is enough (same session, no drawing).
                boolean draw = EXPECTED.get(role).contains(destination.getKey()) && checked.add(destination.getValue());
                int status = draw ? Browser.visit(page, destination.getValue()) : page.request().get(destination.getValue()).status();
                if (EXPECTED.get(role).contains(destination.getKey())) {
                    assertThat(status).as(role + " opens " + destination.getValue()).isEqualTo(200);
                    if (draw) {
                        browser.check(page, "navigation-" + role.name().toLowerCase() + destination.getValue().replace('/', '-'));
                    }
                } else {
                    assertThat(status).as(role + " is refused " + destination.getValue()).isEqualTo(403);
                }
            }
            page.context().close();
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorSummaryAndSignOutEndsTheSession() {
        Page page = browser.open(1280, 900, false);
        page.navigate("/people");
        assertThat(page.url()).as("a page needs sign-in first").endsWith("/login");
        page.getByLabel("Username").fill("coordinator");
        page.getByLabel("Password").fill("not-the-password");
        page.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator(".nhsuk-error-summary").textContent()).contains("The username or password is not right");

        Browser.signIn(page, "coordinator");
        assertThat(page.url()).as("back to the page first asked for").contains("/people");
        page.getByText("Sign out").click();
        page.waitForLoadState();
        assertThat(page.url()).contains("/login?signedOut");
        assertThat(page.locator(".nhsuk-inset-text").textContent()).contains("You have signed out");
        assertThat(Browser.visit(page, "/people")).isEqualTo(200);
        assertThat(page.url()).as("signed out, so back to sign-in").endsWith("/login");
    }

    @Test
    void theSignInAndErrorPagesAreAccessible() {
        Page page = browser.open();
        page.navigate("/login");
        browser.check(page, "sign-in");
        page.getByLabel("Username").fill("coordinator");
        page.getByLabel("Password").fill("wrong");
        page.locator("button[type=submit]").click();
        page.waitForLoadState();
        browser.check(page, "sign-in-failed");
        Browser.signIn(page, "coordinator");
        assertThat(Browser.visit(page, "/overview")).isEqualTo(403);
        assertThat(page.locator("h1").textContent()).isEqualTo("You cannot open this page");
        browser.check(page, "refused");
        assertThat(Browser.visit(page, "/people/not-a-person")).isEqualTo(404);
        browser.check(page, "not-found");
    }

    @Test
    void pagesRunUnderTheContentSecurityPolicyWithoutErrors() {
        Page page = browser.open(1280, 900, false);
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        Browser.signIn(page, "coordinator");
        page.navigate("/people");
        assertThat(page.evaluate("document.body.classList.contains('js-enabled')")).as("the design system's script ran").isEqualTo(true);
        assertThat(errors).isEmpty();
    }

    @Test
    void signingInAndFollowingTheHeaderWorkByKeyboardAlone() {
        Page page = browser.open();
        page.navigate("/login");
        tabTo(page, "username");
        page.keyboard().type("approver");
        page.keyboard().press("Tab");
        page.keyboard().type(Api.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL("**/");
        tabTo(page, "Approvals");
        page.keyboard().press("Enter");
        page.waitForURL("**/approvals");
        assertThat(page.locator("h1").textContent()).isEqualTo("Budgets waiting for a decision");
    }

    /** Presses Tab until the element with this id, or the link with this text, has the focus. */
    private static void tabTo(Page page, String idOrText) {
        for (int presses = 0; presses < 20; presses++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => document.activeElement.id + '|' + document.activeElement.textContent.trim()");
            String[] parts = focused.toString().split("\\|", 2);
            if (parts[0].equals(idOrText) || (parts.length > 1 && parts[1].equals(idOrText))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + idOrText);
    }
}
