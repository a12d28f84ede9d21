package vn.ocop.web;

/** A request value that bean validation cannot judge alone (a malformed cursor, say): 400 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
