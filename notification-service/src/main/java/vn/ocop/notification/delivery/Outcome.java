package vn.ocop.notification.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to.
 *
 * @param endpointDown the failure says the receiver as a whole is unavailable (refused connection,
 *        timeout, 5xx, 429), not that it refused this one message: its other deliveries wait too
 */
record Outcome(boolean sent, @Nullable Integer statusCode, @Nullable String error, boolean endpointDown) {

    static Outcome sent(@Nullable Integer statusCode) {
        return new Outcome(true, statusCode, null, false);
    }

    static Outcome refused(@Nullable Integer statusCode, String error) {
        return new Outcome(false, statusCode, error, false);
    }

    static Outcome unavailable(@Nullable Integer statusCode, String error) {
        return new Outcome(false, statusCode, error, true);
    }
}
