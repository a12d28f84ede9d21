package vn.ocop.catalog.dossier;

import java.util.List;
import java.util.UUID;

/**
 * A product's dossier measured against the rule set in force: complete when no required type is missing.
 *
 * @param required the document types the rule set asks of the product's group
 */
public record Dossier(UUID productId, String ruleSet, boolean complete, List<String> missing, List<String> required,
        List<DossierDocument> documents) {
}
