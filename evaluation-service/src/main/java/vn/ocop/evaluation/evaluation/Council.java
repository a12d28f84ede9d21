package vn.ocop.evaluation.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.evaluation.certificate.Certificate;
import vn.ocop.evaluation.certificate.Certificates;
import vn.ocop.evaluation.ruleset.RuleSets;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.ConflictException;
import vn.ocop.web.NotFoundException;

/** Opens cases from submissions, records score sheets and takes the council's decision. */
@Service
class Council {

    /** Certificates are dated in Vietnam's time zone. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Evaluations evaluations;
    private final Certificates certificates;
    private final RuleSets ruleSets;
    private final Outbox outbox;
    private final Clock clock;

    Council(Evaluations evaluations, Certificates certificates, RuleSets ruleSets, Outbox outbox, Clock clock) {
        this.evaluations = evaluations;
        this.certificates = certificates;
        this.ruleSets = ruleSets;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    void open(ProductSubmitted submitted) {
        evaluations.open(UUID.randomUUID(), submitted.submissionId(), submitted.level(), RuleSets.CURRENT,
                submitted.product());
    }

    @Transactional
    ScoreSheet score(UUID evaluationId, String evaluator, List<ScoreSheet.Score> scores) {
        EvaluationCase evaluation = evaluations.findForUpdate(evaluationId)
                .orElseThrow(() -> new NotFoundException("evaluation", evaluationId));
        evaluation.requireOpen();
        int total = ScoreSheet.validatedTotal(scores, ruleSets.criteria(evaluation.ruleSet()));
        if (evaluations.hasSheetFrom(evaluationId, evaluator)) {
            throw new ConflictException("score-sheet-exists", evaluator + " has already scored evaluation " + evaluationId);
        }
        return evaluations.insertSheet(evaluationId, evaluator, total, scores);
    }

    @Transactional
    Decided decide(UUID evaluationId) {
        EvaluationCase evaluation = evaluations.findForUpdate(evaluationId)
                .orElseThrow(() -> new NotFoundException("evaluation", evaluationId));
        EvaluationCase.Decision decision = evaluation.decide(evaluations.sheets(evaluationId));
        String certificateNo = decision.certified() ? certify(evaluation, decision) : null;
        if (!decision.certified()) {
            outbox.append(new CertificationRejected(UUID.randomUUID(), clock.instant(), evaluation.id(),
                    evaluation.productId(), decision.stars(), decision.averageScore(), evaluation.level(),
                    decision.reasons()));
        }
        evaluations.saveDecision(evaluationId, decision, certificateNo);
        return new Decided(decision.stars(), decision.averageScore(), decision.certified(), certificateNo,
                decision.reasons());
    }

    private String certify(EvaluationCase evaluation, EvaluationCase.Decision decision) {
        LocalDate validFrom = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate validUntil = validFrom.plusMonths(ruleSets.certificateValidityMonths(evaluation.ruleSet()));
        String number = certificates.nextNumber(Year.from(validFrom));
        certificates.insert(new Certificate(number, evaluation.id(), evaluation.productId(), evaluation.product().name(),
                evaluation.product().producerName(), decision.stars(), decision.averageScore(), evaluation.level(),
                evaluation.ruleSet(), validFrom, validUntil, "ACTIVE", clock.instant()));
        outbox.append(new ProductCertified(UUID.randomUUID(), clock.instant(), number, evaluation.id(),
                evaluation.productId(), decision.stars(), decision.averageScore(), evaluation.level(), validFrom,
                validUntil, evaluation.ruleSet(), evaluation.product()));
        return number;
    }

    /** What the decision endpoint answers. */
    record Decided(int stars, double averageScore, boolean certified, @Nullable String certificateNo,
            List<String> reasons) {
    }
}
