package org.almoner.platform.access;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lasted longer than the absolute timeout, however busy it has been, so a
 * shared computer left signed in all day does not stay open. (Inactivity is the servlet
 * container's session timeout.)
 */
final class SessionTimeouts extends OncePerRequestFilter {

    private final Duration absoluteTimeout;
    private final Clock clock;

    SessionTimeouts(Duration absoluteTimeout, Clock clock) {
        this.absoluteTimeout = requireNonNull(absoluteTimeout, "absoluteTimeout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && Instant.ofEpochMilli(session.getCreationTime()).plus(absoluteTimeout).isBefore(clock.instant())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            SecurityConfiguration.signInAgain(response, "Your session lasted longer than " + absoluteTimeout.toHours()
                    + " hours and has ended. Sign in again.");
            return;
        }
        chain.doFilter(request, response);
    }
}
