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

import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.Councils;
import vn.ocop.evaluation.ruleset.RuleSets;
import vn.ocop.evaluation.ruleset.Template;
import vn.ocop.web.Cursor;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

    record ScoreEntry(@NotBlank @Size(max = 20) String criterion, @NotNull Integer points) {
    }

    record ScoreSheetRequest(@NotBlank @Size(max = 200) String evaluator,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull ScoreEntry> scores) {
    }

    /**
     * A case with what a council member needs to score it: the product, the sheet template for its
     * group, the council assigned to it and whose sheets are still missing.
     */
    record EvaluationView(EvaluationCase evaluation, Template template, @Nullable Council council,
            List<ScoreSheet> scoreSheets, List<String> missingEvaluators) {
    }

    private final Proceedings proceedings;
    private final Evaluations evaluations;
    private final RuleSets ruleSets;
    private final Councils councils;

    EvaluationController(Proceedings proceedings, Evaluations evaluations, RuleSets ruleSets, Councils councils) {
        this.proceedings = proceedings;
        this.evaluations = evaluations;
        this.ruleSets = ruleSets;
        this.councils = councils;
    }

    @GetMapping
    Page<EvaluationCase> list(@RequestParam(required = false) @Nullable EvaluationStatus status,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable UUID submissionId,
            @RequestParam(required = false) @Nullable UUID productId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        if (submissionId != null) {
            return new Page<>(evaluations.findBySubmission(submissionId), null);
        }
        return Page.of(evaluations.list(status, level, province, productId, Cursor.decode(cursor), size), size,
                evaluation -> new Cursor(evaluation.openedAt(), evaluation.id()).encode());
    }

    @GetMapping("/{id}")
    EvaluationView get(@PathVariable UUID id) {
        EvaluationCase evaluation = evaluations.find(id).orElseThrow(() -> new NotFoundException("evaluation", id));
        Council council = evaluation.councilId() == null ? null : councils.find(evaluation.councilId()).orElse(null);
        List<ScoreSheet> sheets = evaluations.sheets(id);
        return new EvaluationView(evaluation, ruleSets.template(evaluation.ruleSet(), evaluation.productGroup()), council,
                sheets, council == null ? List.of() : Proceedings.missingEvaluators(council, sheets));
    }

    @PostMapping("/{id}/scores")
    ResponseEntity<ScoreSheet> score(@PathVariable UUID id, @Valid @RequestBody ScoreSheetRequest request) {
        ScoreSheet sheet = proceedings.score(id, request.evaluator().strip(), request.scores().stream()
                .map(entry -> new ScoreSheet.Score(entry.criterion().strip(), entry.points()))
                .toList());
        return ResponseEntity.created(URI.create("/api/evaluations/" + id)).body(sheet);
    }

    @PostMapping("/{id}/decision")
    Proceedings.Decided decide(@PathVariable UUID id) {
        return proceedings.decide(id);
    }
}
