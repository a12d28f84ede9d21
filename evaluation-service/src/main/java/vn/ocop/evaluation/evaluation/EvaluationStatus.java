package vn.ocop.evaluation.evaluation;

/** A case is open while the council scores it, decided once the decision is taken. */
public enum EvaluationStatus {
    OPEN,
    DECIDED
}
