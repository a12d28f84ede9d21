package vn.ocop.web;

import java.net.URI;

/**
 * The request is well formed but the resource's current state refuses it: 409. Domain errors
 * extend this with their own {@link #problemType()}, so clients can tell them apart.
 */
public class ConflictException extends RuntimeException {

    private final String problemType;

    public ConflictException(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    public URI problemType() {
        return Problems.type(problemType);
    }
}
