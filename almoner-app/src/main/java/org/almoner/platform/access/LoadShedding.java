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
 * Admits at most {@link ApiAdmission#atOnce()} API requests at once and queues the rest first come, first
 * served; under more load than that queue can serve within {@link ApiAdmission#longestWait()}, answers
 * "busy, try again" at once rather than let requests queue until they time out (a caller with an
 * idempotency key can safely send the same request again). The pages are not admitted here: they are
 * opened by people, who do not retry, and are few beside an integration's payments.
 */
final class LoadShedding extends OncePerRequestFilter {

    private final Semaphore inFlight;
    private final long waitMillis;

    LoadShedding(ApiAdmission admission) {
        // Fair: waiting requests start in the order they arrived, including those waiting with a time limit.
        this.inFlight = new Semaphore(admission.atOnce(), true);
        this.waitMillis = admission.longestWait().toMillis();
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
