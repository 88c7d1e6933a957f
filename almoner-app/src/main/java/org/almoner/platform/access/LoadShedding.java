package org.almoner.platform.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Under more load than the database can serve, answers "busy, try again" at once rather than let
 * requests queue until they time out: a caller with an idempotency key can safely send the same
 * request again.
 */
final class LoadShedding extends OncePerRequestFilter {

    private final Semaphore inFlight;
    private final long waitMillis;

    LoadShedding(int maximumInFlight, long waitMillis) {
        this.inFlight = new Semaphore(maximumInFlight, true);
        this.waitMillis = waitMillis;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = inFlight.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            SecurityConfiguration.problem(response, 503, "BUSY", "Too busy: try again shortly",
                    "The platform is at capacity. Nothing was done; send the same request again in a second.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release();
        }
    }
}
