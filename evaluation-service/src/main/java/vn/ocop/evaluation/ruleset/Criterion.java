package vn.ocop.evaluation.ruleset;

/**
 * One line of a score sheet.
 *
 * @param part A, B or C
 * @param section the section of the part the criterion belongs to, e.g. {@code C2}
 * @param representative true when the title summarises the decision rather than quoting it
 */
public record Criterion(String code, String part, String section, String title, int maxPoints, boolean representative) {
}
