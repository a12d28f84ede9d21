package vn.ocop.evaluation.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.web.ConflictException;

/**
 * A submitted product under evaluation by one council at one level, and the decision once taken.
 *
 * @param forwardedFrom the lower level's case this one continues, or null for a case opened by a submission
 * @param standingCertificateNo the lower level's certificate that stands until this case is decided
 * @param forwardedTo the next level's case this one moved on to
 */
public record EvaluationCase(
        UUID id,
        UUID productId,
        UUID submissionId,
        String level,
        String province,
        int productGroup,
        String ruleSet,
        EvaluationStatus status,
        ProductSnapshot product,
        Instant openedAt,
        @Nullable UUID councilId,
        @Nullable UUID forwardedFrom,
        @Nullable String standingCertificateNo,
        @Nullable Instant decidedAt,
        @Nullable Integer stars,
        @Nullable Double averageScore,
        @Nullable String certificateNo,
        @Nullable UUID forwardedTo,
        List<String> reasons) {

    static final class NotOpen extends ConflictException {
        NotOpen(EvaluationCase evaluation) {
            super(evaluation.status() == EvaluationStatus.WITHDRAWN ? "evaluation-withdrawn" : "evaluation-decided",
                    "Evaluation " + evaluation.id() + " is " + evaluation.status()
                            + (evaluation.status() == EvaluationStatus.WITHDRAWN
                                    ? ": the producer withdrew the product" : ": it was already decided"));
        }
    }

    static final class NoCouncil extends ConflictException {
        NoCouncil(EvaluationCase evaluation) {
            super("evaluation-without-council", "No " + evaluation.level() + " council serves " + evaluation.province()
                    + "; an office must set one up before evaluation " + evaluation.id() + " can be scored");
        }
    }

    void requireOpen() {
        if (status != EvaluationStatus.OPEN) {
            throw new NotOpen(this);
        }
    }

    UUID requireCouncil() {
        if (councilId == null) {
            throw new NoCouncil(this);
        }
        return councilId;
    }
}
