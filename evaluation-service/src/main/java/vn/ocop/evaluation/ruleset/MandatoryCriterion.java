package vn.ocop.evaluation.ruleset;

/**
 * A criterion a star level demands: the mean of the members' points on it must reach
 * {@code minPoints} for the product to earn {@code stars} (or more).
 */
public record MandatoryCriterion(int stars, String criterion, int minPoints, boolean representative) {
}
