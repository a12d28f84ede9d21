package vn.ocop.contracts.evaluation;

import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;

/** The event types evaluation-service publishes. */
public final class EvaluationEvents {

    public static final String SOURCE = "/evaluation-service";

    public static final EventType<ProductCertified> PRODUCT_CERTIFIED = new EventType<>(
            "vn.ocop.evaluation.product-certified.v1", Topics.EVALUATION_CERTIFICATION, SOURCE,
            ProductCertified.class);

    public static final EventType<CertificationRejected> CERTIFICATION_REJECTED = new EventType<>(
            "vn.ocop.evaluation.certification-rejected.v1", Topics.EVALUATION_CERTIFICATION, SOURCE,
            CertificationRejected.class);

    public static final EventType<CertificationRevoked> CERTIFICATION_REVOKED = new EventType<>(
            "vn.ocop.evaluation.certification-revoked.v1", Topics.EVALUATION_CERTIFICATION, SOURCE, CertificationRevoked.class);

    public static final EventType<CertificationExpired> CERTIFICATION_EXPIRED = new EventType<>(
            "vn.ocop.evaluation.certification-expired.v1", Topics.EVALUATION_CERTIFICATION, SOURCE, CertificationExpired.class);

    private EvaluationEvents() {
    }
}
