package org.almoner.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The absolute session timeout, with the clock moved by hand. */
class SessionTimeoutsTest {

    private final MockHttpSession session = new MockHttpSession();
    private final Instant signedIn = Instant.ofEpochMilli(session.getCreationTime());

    @Test
    void aSessionYoungerThanTheLimitCarriesOn() throws Exception {
        MockHttpServletResponse response = run(signedIn.plus(Duration.ofHours(7).plusMinutes(59)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionOlderThanTheLimitEndsHoweverBusyItIs() throws Exception {
        MockHttpServletResponse response = run(signedIn.plus(Duration.ofHours(8).plusSeconds(1)));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("SIGN_IN_REQUIRED").contains("8 hours");
        assertThat(session.isInvalid()).isTrue();
    }

    private MockHttpServletResponse run(Instant now) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SessionTimeouts(Duration.ofHours(8), Clock.fixed(now, ZoneOffset.UTC)).doFilter(request, response, new MockFilterChain());
        return response;
    }
}
