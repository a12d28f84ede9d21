package vn.ocop.catalog.dossier;

import java.time.Instant;

/** A document of the dossier as the producer and the council see it; its bytes are downloaded separately. */
public record DossierDocument(String type, String fileName, String contentType, long sizeBytes, String sha256,
        Instant uploadedAt) {
}
