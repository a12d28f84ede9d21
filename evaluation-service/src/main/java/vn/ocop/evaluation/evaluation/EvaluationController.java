package vn.ocop.evaluation.evaluation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.evaluation.ruleset.Criterion;
import vn.ocop.evaluation.ruleset.RuleSets;
import vn.ocop.web.Cursor;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

    record ScoreEntry(@NotBlank String criterion, @NotNull Integer points) {
    }

    record ScoreSheetRequest(@NotBlank @Size(max = 200) String evaluator, @NotEmpty List<@Valid @NotNull ScoreEntry> scores) {
    }

    /** A case with what a council member needs to score it: the product and the sheet template. */
    record EvaluationView(EvaluationCase evaluation, List<Criterion> template, List<ScoreSheet> scoreSheets) {
    }

    private final Council council;
    private final Evaluations evaluations;
    private final RuleSets ruleSets;

    EvaluationController(Council council, Evaluations evaluations, RuleSets ruleSets) {
        this.council = council;
        this.evaluations = evaluations;
        this.ruleSets = ruleSets;
    }

    @GetMapping
    Page<EvaluationCase> list(@RequestParam @Nullable EvaluationStatus status, @RequestParam @Nullable String level,
            @RequestParam @Nullable String province, @RequestParam @Nullable UUID submissionId,
            @RequestParam @Nullable Integer limit, @RequestParam @Nullable String cursor) {
        int size = Page.limit(limit);
        if (submissionId != null) {
            return new Page<>(evaluations.findBySubmission(submissionId).stream().toList(), null);
        }
        return Page.of(evaluations.list(status, level, province, Cursor.decode(cursor), size), size,
                evaluation -> new Cursor(evaluation.openedAt(), evaluation.id()).encode());
    }

    @GetMapping("/{id}")
    EvaluationView get(@PathVariable UUID id) {
        EvaluationCase evaluation = evaluations.find(id).orElseThrow(() -> new NotFoundException("evaluation", id));
        return new EvaluationView(evaluation, ruleSets.criteria(evaluation.ruleSet()), evaluations.sheets(id));
    }

    @PostMapping("/{id}/scores")
    ResponseEntity<ScoreSheet> score(@PathVariable UUID id, @Valid @RequestBody ScoreSheetRequest request) {
        ScoreSheet sheet = council.score(id, request.evaluator().strip(), request.scores().stream()
                .map(entry -> new ScoreSheet.Score(entry.criterion(), entry.points()))
                .toList());
        return ResponseEntity.created(URI.create("/api/evaluations/" + id)).body(sheet);
    }

    @PostMapping("/{id}/decision")
    Council.Decided decide(@PathVariable UUID id) {
        return council.decide(id);
    }
}
