package vn.ocop.catalog.dossier;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.catalog.product.Product;
import vn.ocop.catalog.product.ProductCatalog;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/** Accepts documents into a product's dossier and says what the rule set in force still asks for. */
@Service
class Dossiers {

    private final ProductCatalog catalog;
    private final DossierDocuments documents;
    private final DossierRequirements requirements;

    Dossiers(ProductCatalog catalog, DossierDocuments documents, DossierRequirements requirements) {
        this.catalog = catalog;
        this.documents = documents;
        this.requirements = requirements;
    }

    /** Checks the content, then stores it with its checksum in one transaction with the product locked. */
    @Transactional
    DossierDocument upload(UUID productId, String type, String originalName, byte[] content) {
        requireKnown(type);
        String fileName = DocumentContent.safeName(originalName);
        String mediaType = DocumentContent.mediaType(fileName, content);
        catalog.lockForDossier(productId);
        return documents.store(productId, type, fileName, mediaType, content, DocumentContent.sha256(content));
    }

    @Transactional(readOnly = true)
    Dossier of(UUID productId) {
        Product product = catalog.find(productId);
        String ruleSet = requirements.ruleSetInForce();
        var missing = requirements.missing(ruleSet, productId, product.productGroup());
        return new Dossier(productId, ruleSet, missing.isEmpty(), missing,
                requirements.required(ruleSet, product.productGroup()), documents.current(productId));
    }

    @Transactional(readOnly = true)
    DossierDocuments.Stored download(UUID productId, String type) {
        requireKnown(type);
        catalog.find(productId);
        return documents.currentWithContent(productId, type)
                .orElseThrow(() -> new NotFoundException("document " + type + " of product", productId));
    }

    private void requireKnown(String type) {
        if (!requirements.knownType(type)) {
            throw new InvalidRequestException("type", "unknown document type " + type + "; the types are "
                    + String.join(", ", requirements.types().stream().map(DocumentType::code).toList()));
        }
    }
}
