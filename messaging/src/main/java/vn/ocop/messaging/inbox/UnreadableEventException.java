package vn.ocop.messaging.inbox;

/**
 * The record cannot be understood: missing CloudEvents headers or a body that is not the declared
 * event. Retrying cannot help, so the binder sends it straight to the dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
