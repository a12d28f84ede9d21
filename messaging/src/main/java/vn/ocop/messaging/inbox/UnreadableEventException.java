package vn.ocop.messaging.inbox;

/**
 * The record cannot be understood: missing CloudEvents headers or a body that is not the declared
 * event. It takes the same bounded retries as any failure (a few hundred milliseconds), then lands
 * on the dead-letter topic with the exception in its headers.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
