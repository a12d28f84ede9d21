package vn.ocop.evaluation.evaluation;

/** A case is open while the council scores it, decided once the decision is taken, withdrawn when the producer pulls out. */
public enum EvaluationStatus {
    OPEN,
    DECIDED,
    WITHDRAWN
}
