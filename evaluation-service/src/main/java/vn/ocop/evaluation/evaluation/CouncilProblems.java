package vn.ocop.evaluation.evaluation;

import java.util.List;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.ocop.web.ConflictException;
import vn.ocop.web.Problems;

/**
 * Council refusals whose problem details carry more than a sentence: who is missing, who may
 * score. Checked before the shared handler, which would answer them without those fields.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CouncilProblems {

    /** A decision before every member has scored: 409 naming those still to score. */
    static final class SheetsMissing extends ConflictException {

        private final List<String> missing;

        SheetsMissing(UUID evaluationId, List<String> missing) {
            super("score-sheets-missing", "Evaluation " + evaluationId + " still waits for the score sheets of "
                    + String.join(", ", missing));
            this.missing = List.copyOf(missing);
        }
    }

    /** A sheet from someone who does not sit on the case's council: 403 listing who does. */
    static final class NotAMember extends RuntimeException {

        private final List<String> members;

        NotAMember(String evaluator, String council, List<String> members) {
            super(evaluator + " is not a member of " + council + ", which evaluates this case");
            this.members = List.copyOf(members);
        }
    }

    @ExceptionHandler(SheetsMissing.class)
    ProblemDetail sheetsMissing(SheetsMissing e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(e.problemType());
        problem.setTitle("Conflict");
        problem.setProperty("missing", e.missing);
        return problem;
    }

    @ExceptionHandler(NotAMember.class)
    ProblemDetail notAMember(NotAMember e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(Problems.type("not-a-council-member"));
        problem.setTitle("Forbidden");
        problem.setProperty("members", e.members);
        return problem;
    }
}
