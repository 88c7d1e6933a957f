package org.almoner.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.almoner.platform.Api;

/**
 * Debian's Chromium driven by Playwright, for tests that use the pages as a person would: sign in,
 * follow links, fill forms. It never downloads a browser ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}
 * is set by the build) and fails when Chromium is missing, as CI installs it. Every page it checks
 * is run through axe-core (from node_modules) and kept as a screenshot under target/screenshots.
 *
 * <p>A click returns once the next page starts to arrive, so tests wait for it to load before reading it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path AXE = Paths.get("node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOTS = Paths.get("target/screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String axe;
    private final int port;

    Browser(int port) {
        assertThat(CHROMIUM).as("Chromium is needed for the browser tests: apt-get install -y chromium").isExecutable();
        this.port = port;
        try {
            this.axe = Files.readString(AXE);
        } catch (IOException missing) {
            throw new UncheckedIOException("axe-core is missing: the build's npm ci puts it in node_modules", missing);
        }
        this.playwright = Playwright.create();
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage")));
    }

    /** A fresh browser window (no cookies) at desktop width; axe is injected, so the page's script policy is bypassed. */
    Page open() {
        return open(1280, 900, true);
    }

    /** A fresh browser window at the given size; {@code bypassScriptPolicy} false keeps the page's content security policy. */
    Page open(int width, int height, boolean bypassScriptPolicy) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setBypassCSP(bypassScriptPolicy).setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Signs in through the sign-in page and lands on the home page. */
    static Page signIn(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(Api.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
        assertThat(page.locator("#signed-in-as").textContent()).as("signed in as " + username).isNotBlank();
        return page;
    }

    /** Opens an address and returns its HTTP status. */
    static int visit(Page page, String path) {
        Response response = page.navigate(path);
        return response == null ? 0 : response.status();
    }

    /** Checks the page with axe-core (WCAG 2.2 A and AA and best practice) and keeps a screenshot named {@code name}. */
    void check(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object violations = page.evaluate("""
                async () => {
                  const results = await axe.run(document);
                  return results.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }
                """);
        assertThat((List<?>) violations).as("accessibility of " + name + " (" + page.url() + ")").isEmpty();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
