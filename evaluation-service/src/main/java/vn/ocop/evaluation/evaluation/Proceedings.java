package vn.ocop.evaluation.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.evaluation.certificate.Certificate;
import vn.ocop.evaluation.certificate.CertificateStatus;
import vn.ocop.evaluation.certificate.Certificates;
import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.Councils;
import vn.ocop.evaluation.ruleset.Level;
import vn.ocop.evaluation.ruleset.RuleSet;
import vn.ocop.evaluation.ruleset.RuleSets;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.ConflictException;
import vn.ocop.web.NotFoundException;

/**
 * A case's path through the councils: opened from a submission and assigned to a council, scored
 * by its members, decided, and forwarded to the next level where the rule set says so.
 */
@Service
class Proceedings {

    private static final Logger log = LoggerFactory.getLogger(Proceedings.class);

    /** Certificates are dated, and submissions fall under rule sets, in Vietnam's time zone. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Evaluations evaluations;
    private final Certificates certificates;
    private final RuleSets ruleSets;
    private final Councils councils;
    private final Outbox outbox;
    private final Clock clock;

    Proceedings(Evaluations evaluations, Certificates certificates, RuleSets ruleSets, Councils councils, Outbox outbox,
            Clock clock) {
        this.evaluations = evaluations;
        this.certificates = certificates;
        this.ruleSets = ruleSets;
        this.councils = councils;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Opens a case under the rule set in force on the day of the submission, at the level the
     * producer asked for as that rule set names it (DISTRICT after July 2025 is the COMMUNE).
     */
    @Transactional
    void open(ProductSubmitted submitted) {
        RuleSet ruleSet = ruleSets.inForceOn(LocalDate.ofInstant(submitted.occurredAt(), VIETNAM));
        Level level = ruleSets.resolveLevel(ruleSet, submitted.level()).orElseGet(() -> {
            // catalog checks levels before it publishes; this only guards against an older producer.
            log.warn("Submission {} asks for level {}, unknown to {}; opened at the entry level",
                    submitted.submissionId(), submitted.level(), ruleSet.code());
            return ruleSet.levels().getFirst();
        });
        Optional<Council> council = councils.assign(level.code(), submitted.product().originProvince());
        evaluations.open(new Evaluations.Opening(UUID.randomUUID(), submitted.submissionId(), level.code(),
                ruleSet.code(), submitted.product(), council.map(Council::id).orElse(null), null, null));
    }

    @Transactional
    void withdrawn(ProductWithdrawn withdrawn) {
        evaluations.withdrawOpenCases(withdrawn.productId(), "The producer withdrew the product"
                + (withdrawn.reason() == null ? "" : ": " + withdrawn.reason()));
    }

    @Transactional
    ScoreSheet score(UUID evaluationId, String evaluator, List<ScoreSheet.Score> scores) {
        EvaluationCase evaluation = evaluations.findForUpdate(evaluationId)
                .orElseThrow(() -> new NotFoundException("evaluation", evaluationId));
        evaluation.requireOpen();
        Council council = councilOf(evaluation);
        Council.Member member = council.member(evaluator)
                .orElseThrow(() -> new CouncilProblems.NotAMember(evaluator, council.name(), council.memberNames()));
        int total = ScoreSheet.validatedTotal(scores, ruleSets.criteria(evaluation.ruleSet(), evaluation.productGroup()));
        if (evaluations.hasSheetFrom(evaluationId, member.name())) {
            throw new ConflictException("score-sheet-exists", member.name() + " has already scored evaluation " + evaluationId);
        }
        return evaluations.insertSheet(evaluationId, member.name(), total, scores);
    }

    @Transactional
    Decided decide(UUID evaluationId) {
        EvaluationCase evaluation = evaluations.findForUpdate(evaluationId)
                .orElseThrow(() -> new NotFoundException("evaluation", evaluationId));
        evaluation.requireOpen();
        List<ScoreSheet> sheets = evaluations.sheets(evaluationId);
        List<String> missing = missingEvaluators(councilOf(evaluation), sheets);
        if (!missing.isEmpty()) {
            throw new CouncilProblems.SheetsMissing(evaluationId, missing);
        }
        RuleSet ruleSet = ruleSets.get(evaluation.ruleSet());
        Level level = ruleSets.resolveLevel(ruleSet, evaluation.level())
                .orElseThrow(() -> new IllegalStateException(evaluation.level() + " is no level of " + ruleSet.code()));
        Optional<Certificate> standing = Optional.ofNullable(evaluation.standingCertificateNo())
                .flatMap(certificates::find)
                .filter(certificate -> certificate.status() == CertificateStatus.ACTIVE);
        Decision decision = Decision.reach(sheets, ruleSets.template(ruleSet.code(), evaluation.productGroup()).mandatory(),
                ruleSet.starBands(), level, standing.map(Certificate::stars).orElse(null));

        String certificateNo = decision.certified() ? certify(evaluation, ruleSet, decision) : null;
        if (decision.rejected()) {
            outbox.append(new CertificationRejected(UUID.randomUUID(), clock.instant(), evaluation.id(),
                    evaluation.productId(), decision.stars(), decision.averageScore(), evaluation.level(),
                    decision.reasons()));
        }
        UUID forwardedTo = decision.forward() ? forward(evaluation, level, certificateNo, standing) : null;
        evaluations.saveDecision(evaluationId, decision, certificateNo, forwardedTo);
        return new Decided(evaluationId, evaluation.level(), decision.stars(), decision.averageScore(),
                decision.certified(), certificateNo, decision.certifiedStars(), decision.reasons(),
                decision.forward() ? level.nextLevel() : null, forwardedTo);
    }

    Council councilOf(EvaluationCase evaluation) {
        UUID councilId = evaluation.requireCouncil();
        return councils.find(councilId).orElseThrow(() -> new IllegalStateException("council " + councilId + " vanished"));
    }

    static List<String> missingEvaluators(Council council, List<ScoreSheet> sheets) {
        return council.memberNames().stream()
                .filter(name -> sheets.stream().noneMatch(sheet -> sheet.evaluator().equals(name)))
                .toList();
    }

    /** Issues the certificate; the product's previous active certificate, if any, is superseded by it. */
    private String certify(EvaluationCase evaluation, RuleSet ruleSet, Decision decision) {
        LocalDate validFrom = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate validUntil = validFrom.plusMonths(ruleSet.certificateValidityMonths());
        String number = certificates.nextNumber(Year.from(validFrom));
        certificates.activeForUpdate(evaluation.productId())
                .ifPresent(previous -> certificates.saveEnd(previous.supersede(number, clock.instant())));
        int stars = decision.certifiedStars() == null ? decision.stars() : decision.certifiedStars();
        certificates.insert(Certificate.issued(number, evaluation.id(), evaluation.productId(),
                evaluation.product().name(), evaluation.product().producerName(), stars, decision.averageScore(),
                evaluation.level(), evaluation.ruleSet(), validFrom, validUntil, clock.instant()));
        outbox.append(new ProductCertified(UUID.randomUUID(), clock.instant(), number, evaluation.id(),
                evaluation.productId(), stars, decision.averageScore(), evaluation.level(), validFrom, validUntil,
                evaluation.ruleSet(), evaluation.product()));
        return number;
    }

    /** Opens the next level's case; the certificate this level issued, or the one that stood, stands meanwhile. */
    private UUID forward(EvaluationCase evaluation, Level level, @Nullable String issued, Optional<Certificate> standing) {
        String next = Objects.requireNonNull(level.nextLevel());
        UUID id = UUID.randomUUID();
        Optional<Council> council = councils.assign(next, evaluation.province());
        String standingNo = issued != null ? issued : standing.map(Certificate::certificateNo).orElse(null);
        evaluations.open(new Evaluations.Opening(id, evaluation.submissionId(), next, evaluation.ruleSet(),
                evaluation.product(), council.map(Council::id).orElse(null), evaluation.id(), standingNo));
        return id;
    }

    /** What the decision endpoint answers. */
    record Decided(UUID evaluationId, String level, int stars, double averageScore, boolean certified,
            @Nullable String certificateNo, @Nullable Integer certifiedStars, List<String> reasons,
            @Nullable String forwardedTo, @Nullable UUID nextEvaluationId) {
    }
}
