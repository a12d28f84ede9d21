package vn.ocop.web;

import java.net.URI;

/** Problem {@code type} URIs: relative, one per kind of error, never changed once published. */
public final class Problems {

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI CONFLICT = type("conflict");
    public static final URI INTERNAL = type("internal-error");
    public static final URI BUSY = type("busy");

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }
}
