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
 * Admits only a few API requests at once and queues the rest first come, first served; under more load
 * than that queue can serve within the wait, answers "busy, try again" at once rather than let requests
 * queue until they time out (a caller with an idempotency key can safely send the same request again).
 *
 * <p>Why few: every admitted request shares the processors with every other one, so thirty requests
 * admitted together on two cores each take about thirty times as long, and they then queue unfairly where
 * the platform gives out connections and budget locks (a thread that has just returned a connection may
 * take it again ahead of older waiters). Admitting about as many as the processors can keep busy while
 * others wait on the database, and queuing the rest in arrival order, gives the same throughput with each
 * request's time spent mostly in a fair queue, so the slowest requests are not much slower than the
 * typical one. The pages are not admitted here: they are opened by people, who do not retry, and each
 * reads more than a payment writes.
 */
final class LoadShedding extends OncePerRequestFilter {

    /**
     * API requests admitted at once for each processor when {@code almoner.load.max-in-flight} is not set:
     * enough to keep the processors busy while some requests wait on the database's commits, few enough
     * that they do not slice the processors among dozens (measured in docs/benchmarks.md, the ledger).
     */
    static final int ADMITTED_PER_PROCESSOR = 4;

    private final Semaphore inFlight;
    private final long waitMillis;

    LoadShedding(ApiAdmission admission) {
        // Fair: waiting requests start in the order they arrived, including those waiting with a time limit.
        this.inFlight = new Semaphore(admission.atOnce(), true);
        this.waitMillis = admission.longestWait().toMillis();
    }

    /**
     * How many API requests to admit at once: {@link #ADMITTED_PER_PROCESSOR} for each processor, but never
     * more than the database connections, since an admitted request beyond those would only wait again, in
     * the connection pool's queue, which is not first come, first served.
     */
    static int admittedAtOnce(int processors, int connections) {
        return Math.max(1, Math.min(ADMITTED_PER_PROCESSOR * Math.max(1, processors), connections));
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
