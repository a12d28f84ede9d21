package vn.ocop.catalog.product;

import java.util.List;
import java.util.UUID;

/**
 * What the rule set in force asks of a submission: the council levels a producer may ask for and
 * the dossier documents still missing. The dossier feature answers; products only ask.
 */
public interface SubmissionRules {

    Check check(UUID productId, int productGroup);

    /**
     * @param levels the levels a producer may ask for, the default first
     * @param missingDocuments required document types not yet in the dossier
     */
    record Check(String ruleSet, List<String> levels, List<String> missingDocuments) {

        public String defaultLevel() {
            return levels.getFirst();
        }
    }
}
