package vn.ocop.catalog.product;

import java.util.List;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.ocop.web.ConflictException;

/**
 * A refused submission whose problem detail lists what is missing, so a client can show the
 * producer the documents to upload. Checked before the shared handler, which knows no such list.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductProblems {

    static final class DossierIncomplete extends ConflictException {

        private final String ruleSet;
        private final List<String> missing;

        DossierIncomplete(UUID productId, String ruleSet, List<String> missing) {
            super("dossier-incomplete", "The dossier of product " + productId + " lacks documents that " + ruleSet
                    + " requires: " + String.join(", ", missing));
            this.ruleSet = ruleSet;
            this.missing = List.copyOf(missing);
        }
    }

    @ExceptionHandler(DossierIncomplete.class)
    ProblemDetail dossierIncomplete(DossierIncomplete e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(e.problemType());
        problem.setTitle("Conflict");
        problem.setProperty("ruleSet", e.ruleSet);
        problem.setProperty("missing", e.missing);
        return problem;
    }
}
