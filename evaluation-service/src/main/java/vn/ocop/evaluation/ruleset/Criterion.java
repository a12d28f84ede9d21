package vn.ocop.evaluation.ruleset;

/**
 * One line of a score sheet.
 *
 * @param part A, B or C
 * @param representative true when the title summarises the decision rather than quoting it
 */
public record Criterion(String code, String part, String title, int maxPoints, boolean representative) {
}
