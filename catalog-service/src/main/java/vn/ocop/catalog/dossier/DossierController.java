package vn.ocop.catalog.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A product's evidence dossier: what is in it, what is missing, and each document's file. */
@RestController
class DossierController {

    private final Dossiers dossiers;
    private final DossierRequirements requirements;

    DossierController(Dossiers dossiers, DossierRequirements requirements) {
        this.dossiers = dossiers;
        this.requirements = requirements;
    }

    @GetMapping("/api/document-types")
    List<DocumentType> types() {
        return requirements.types();
    }

    @GetMapping("/api/products/{id}/dossier")
    Dossier dossier(@PathVariable UUID id) {
        return dossiers.of(id);
    }

    @PutMapping(path = "/api/products/{id}/documents/{type}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DossierDocument> upload(@PathVariable UUID id, @PathVariable String type,
            @RequestPart("file") MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read an upload", e);
        }
        String name = file.getOriginalFilename() == null ? type : file.getOriginalFilename();
        DossierDocument document = dossiers.upload(id, type, name, content);
        return ResponseEntity.created(URI.create("/api/products/" + id + "/documents/" + type)).body(document);
    }

    @GetMapping("/api/products/{id}/documents/{type}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String type) {
        DossierDocuments.Stored stored = dossiers.download(id, type);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + stored.document().sha256() + "\"")
                .body(stored.content());
    }
}
