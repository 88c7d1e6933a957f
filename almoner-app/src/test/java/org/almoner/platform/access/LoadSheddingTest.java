package org.almoner.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A limited number of API requests at once, the rest queued in arrival order, and "busy" for those that cannot start in time. */
class LoadSheddingTest {

    /** A request handler that says when each request starts and holds it until the test lets it finish. */
    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, CountDownLatch> finish = new ConcurrentHashMap<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger mostInProgress = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    private final FilterChain heldUntilFinished = (request, response) -> {
        String name = request.getParameter("name");
        mostInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
        started.add(name);
        try {
            finish.computeIfAbsent(name, ignored -> new CountDownLatch(1)).await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            inProgress.decrementAndGet();
        }
        ((MockHttpServletResponse) response).setStatus(201);
    };

    @AfterEach
    void finishEverything() throws InterruptedException {
        finish.values().forEach(CountDownLatch::countDown);
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @Test
    void admitsOnlyTheLimitAtOnceAndStartsTheOthersInTheOrderTheyArrived() throws Exception {
        LoadShedding shedding = shedding(2, 10_000);
        send(shedding, "/api/budgets/1/payments", "first");
        send(shedding, "/api/budgets/1/payments", "second");
        assertThat(List.of(next(), next())).containsExactlyInAnyOrder("first", "second");
        for (String name : List.of("third", "fourth", "fifth", "sixth")) {
            // Each waits before the next is sent, so the order they arrived in is known.
            waitingToStart(send(shedding, "/api/budgets/2/payments", name));
        }
        assertThat(started.poll(100, TimeUnit.MILLISECONDS)).as("nothing beyond the limit starts").isNull();

        List<String> order = new ArrayList<>();
        for (String finishing : List.of("first", "second", "third", "fourth")) {
            release(finishing);
            order.add(next());
        }

        assertThat(order).containsExactly("third", "fourth", "fifth", "sixth");
        assertThat(mostInProgress).hasValue(2);
    }

    @Test
    void answersBusyWithRetryAfterWhenARequestCannotStartWithinTheWait() throws Exception {
        LoadShedding shedding = shedding(1, 50);
        send(shedding, "/api/budgets/1/payments", "holding");
        assertThat(next()).isEqualTo("holding");

        release("refused");
        MockHttpServletResponse refused = answer(shedding, "/api/budgets/1/payments", "refused");

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"BUSY\"").contains("send the same request again");
        assertThat(started).as("a refused request does nothing").isEmpty();

        release("holding");
        Thread admittedAfter = send(shedding, "/api/budgets/1/payments", "after");
        assertThat(next()).as("the finished request's place is free again").isEqualTo("after");
        release("after");
        admittedAfter.join(5_000);
    }

    @Test
    void aRequestThatFailsStillGivesUpItsPlace() throws Exception {
        LoadShedding shedding = shedding(1, 1_000);
        MockHttpServletRequest failing = new MockHttpServletRequest("POST", "/api/budgets/1/payments");

        assertThatThrownBy(() -> shedding.doFilter(failing, new MockHttpServletResponse(), (request, response) -> {
            throw new ServletException("the handler failed");
        })).isInstanceOf(ServletException.class);

        release("next");
        assertThat(answer(shedding, "/api/budgets/1/payments", "next").getStatus()).isEqualTo(201);
    }

    @Test
    void pagesAreNotHeldBackByBusyApiRequests() throws Exception {
        LoadShedding shedding = shedding(1, 0);
        send(shedding, "/api/budgets/1/payments", "holding");
        assertThat(next()).isEqualTo("holding");

        Thread page = send(shedding, "/people", "page");

        assertThat(next()).isEqualTo("page");
        release("page");
        page.join(5_000);
        release("api");
        assertThat(answer(shedding, "/api/me", "api").getStatus()).as("the API is still full").isEqualTo(503);
    }

    @Test
    void refusesALimitThatWouldAdmitNothing() {
        assertThatThrownBy(() -> new ApiAdmission(0, Duration.ofMillis(250)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("almoner.load.max-in-flight");
        assertThatThrownBy(() -> new ApiAdmission(4, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("almoner.load.wait-millis");
    }

    private static LoadShedding shedding(int atOnce, long waitMillis) {
        return new LoadShedding(new ApiAdmission(atOnce, Duration.ofMillis(waitMillis)));
    }

    private Thread send(LoadShedding shedding, String path, String name) {
        Thread thread = new Thread(() -> {
            try {
                answer(shedding, path, name);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }, name);
        threads.add(thread);
        thread.start();
        return thread;
    }

    private MockHttpServletResponse answer(LoadShedding shedding, String path, String name) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setParameter("name", name);
        MockHttpServletResponse response = new MockHttpServletResponse();
        shedding.doFilter(request, response, heldUntilFinished);
        return response;
    }

    private String next() throws InterruptedException {
        String name = started.poll(10, TimeUnit.SECONDS);
        assertThat(name).as("a request started").isNotNull();
        return name;
    }

    private void release(String name) {
        finish.computeIfAbsent(name, ignored -> new CountDownLatch(1)).countDown();
    }

    private static void waitingToStart(Thread thread) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // The only timed wait on the request's way in is its place in the queue.
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("%s is queued", thread.getName()).isLessThan(giveUp);
            Thread.sleep(1);
        }
    }
}
