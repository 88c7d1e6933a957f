package org.almoner.platform.access;

import java.time.Duration;
import java.util.Objects;

/**
 * How many API requests the platform works on at once ({@code almoner.load.max-in-flight}, by default 48)
 * and how long a request waits for its turn ({@code almoner.load.wait-millis}, 250 ms) before it is
 * answered 503 "busy" with {@code Retry-After}.
 */
public record ApiAdmission(int atOnce, Duration longestWait) {

    public ApiAdmission {
        Objects.requireNonNull(longestWait, "longestWait is null");
        if (atOnce < 1) {
            throw new IllegalArgumentException("almoner.load.max-in-flight must be at least 1, not " + atOnce);
        }
        if (longestWait.isNegative()) {
            throw new IllegalArgumentException("almoner.load.wait-millis must not be negative, not " + longestWait.toMillis());
        }
    }
}
