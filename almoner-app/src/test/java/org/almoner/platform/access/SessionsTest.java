package org.almoner.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.almoner.platform.Api;
import org.almoner.platform.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browser sessions: a new session id at sign-in, and disabling an account ends its sessions at once. */
@PlatformTest
class SessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void signingInGivesANewSessionIdAndDisablingTheAccountEndsTheSession() throws Exception {
        accounts.create(new NewAccount("session.user", "Session User", Api.PASSWORD, Role.COORDINATOR, "NORTH", Optional.empty()));
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        String before = sessionId(cookies);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as(loginPage.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=session.user&password=" + Api.PASSWORD + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String after = sessionId(cookies);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.send(get("/api/me"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        accounts.disable("session.user");

        HttpResponse<String> afterDisable = browser.send(get("/api/me"), HttpResponse.BodyHandlers.ofString());
        assertThat(afterDisable.statusCode()).isEqualTo(401);
        assertThat(Api.as(port, "session.user").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void anAPICallCarryingOnlyASessionCookieNeedsItsCsrfTokenAndAScriptsBasicSignInDoesNot() throws Exception {
        accounts.create(new NewAccount("cookie.user", "Cookie User", Api.PASSWORD, Role.COORDINATOR, "NORTH", Optional.empty()));
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as(loginPage.body()).isTrue();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=cookie.user&password=" + Api.PASSWORD + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String person = "{\"givenName\":\"Forged\",\"familyName\":\"Request\",\"dateOfBirth\":\"1960-01-01\",\"sex\":\"9\"}";

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/api/people")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(person)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(browser.send(get("/api/people"), HttpResponse.BodyHandlers.ofString()).body()).doesNotContain("Forged");
        assertThat(Api.as(port, "cookie.user").post("/api/people", java.util.Map.of("givenName", "Scripted", "familyName", "Request",
                "dateOfBirth", "1960-01-01", "sex", "9")).status()).isEqualTo(201);
    }

    @Test
    void anAPICallThatIsNotSignedInIsRefusedWithoutASession() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(get("/api/people"), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"almoner\"");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionId(CookieManager cookies) throws IOException {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }
}
