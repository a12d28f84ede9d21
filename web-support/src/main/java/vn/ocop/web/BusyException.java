package vn.ocop.web;

import java.time.Duration;

/**
 * The service is sound but has more of this kind of request than it serves at once, and this one
 * waited its turn for too long: 503 with {@code Retry-After}, so that a client tries again later
 * instead of at once.
 */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** How long a client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
