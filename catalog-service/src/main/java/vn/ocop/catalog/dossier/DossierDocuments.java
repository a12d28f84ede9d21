package vn.ocop.catalog.dossier;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dossier documents and their bytes in catalog's database; none is ever deleted. */
@Repository
class DossierDocuments {

    /** A document with its bytes, for download. */
    record Stored(DossierDocument document, byte[] content) {
    }

    private static final String COLUMNS = "document_type as type, file_name, content_type, size_bytes, sha256, uploaded_at";

    private final JdbcClient jdbc;

    DossierDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new version of a document type. The current version is marked superseded in the same
     * transaction, so it stays current until the new one commits, and is kept afterwards.
     */
    DossierDocument store(UUID productId, String type, String fileName, String contentType, byte[] content,
            String sha256) {
        jdbc.sql("""
                update dossier_document set superseded_at = now()
                where product_id = ? and document_type = ? and superseded_at is null
                """)
                .params(productId, type).update();
        return jdbc.sql("""
                insert into dossier_document (id, product_id, document_type, file_name, content_type, size_bytes, sha256, content)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                returning\s""" + COLUMNS)
                .params(UUID.randomUUID(), productId, type, fileName, contentType, (long) content.length, sha256, content)
                .query(DossierDocument.class)
                .single();
    }

    List<DossierDocument> current(UUID productId) {
        return jdbc.sql("select " + COLUMNS + """
                 from dossier_document d join document_type t on t.code = d.document_type
                where d.product_id = ? and d.superseded_at is null
                order by t.position
                """)
                .param(productId).query(DossierDocument.class).list();
    }

    Optional<Stored> currentWithContent(UUID productId, String type) {
        return jdbc.sql("select " + COLUMNS + ", content from dossier_document"
                        + " where product_id = ? and document_type = ? and superseded_at is null")
                .params(productId, type)
                .query((rs, row) -> new Stored(new DossierDocument(rs.getString("type"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant()), rs.getBytes("content")))
                .optional();
    }

    int versions(UUID productId, String type) {
        return jdbc.sql("select count(*) from dossier_document where product_id = ? and document_type = ?")
                .params(productId, type).query(Integer.class).single();
    }
}
