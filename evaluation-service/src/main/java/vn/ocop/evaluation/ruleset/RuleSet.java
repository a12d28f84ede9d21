package vn.ocop.evaluation.ruleset;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A versioned set of OCOP rules, as stored; the newest one in force on a date applies to submissions of that date. */
public record RuleSet(String code, String title, LocalDate effectiveFrom, int certificateValidityMonths,
        @Nullable String note, StarBands starBands, List<Level> levels) {
}
