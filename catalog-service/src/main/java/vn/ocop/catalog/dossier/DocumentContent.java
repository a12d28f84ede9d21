package vn.ocop.catalog.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.ocop.web.InvalidRequestException;

/**
 * What an uploaded file really is, judged by its first bytes rather than its name: PDF, JPEG or
 * PNG are accepted, and a name whose extension claims another kind is refused.
 */
final class DocumentContent {

    private record Kind(String mediaType, byte[] magic, List<String> extensions) {
    }

    private static final List<Kind> ACCEPTED = List.of(
            new Kind("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), List.of("pdf")),
            new Kind("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, List.of("jpg", "jpeg")),
            new Kind("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, List.of("png")));

    private DocumentContent() {
    }

    /** The media type of the bytes, checked against the file name; 400 naming {@code file} otherwise. */
    static String mediaType(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new InvalidRequestException("file", "the file is empty");
        }
        Kind kind = ACCEPTED.stream().filter(k -> startsWith(content, k.magic())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("file",
                        "the file is not a PDF, JPEG or PNG document (judged by its content, not its name)"));
        extension(fileName).filter(ext -> !kind.extensions().contains(ext)).ifPresent(ext -> {
            throw new InvalidRequestException("file", "the file is named ." + ext + " but its content is " + kind.mediaType());
        });
        return kind.mediaType();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The name without any path a browser may send, at most 255 characters, never empty. */
    static String safeName(String original) {
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip()
                .replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static Optional<String> extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? Optional.empty()
                : Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
