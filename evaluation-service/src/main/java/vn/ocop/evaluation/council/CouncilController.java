package vn.ocop.evaluation.council;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.evaluation.ruleset.RuleSets;
import vn.ocop.web.ConflictException;
import vn.ocop.web.Cursor;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

/** Councils as offices set them up: who scores which level for which province. */
@RestController
@RequestMapping("/api/councils")
class CouncilController {

    record NewMember(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 100) String role) {
    }

    /** A council to set up; a null region serves every province without a council of its own. */
    record NewCouncil(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 20) String level,
            @Nullable @Size(min = 1, max = 100) String region,
            @NotEmpty @Size(max = 25) List<@Valid @NotNull NewMember> members) {
    }

    private final Councils councils;
    private final RuleSets ruleSets;

    CouncilController(Councils councils, RuleSets ruleSets) {
        this.councils = councils;
        this.ruleSets = ruleSets;
    }

    @GetMapping
    Page<Council> list(@RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        return Page.of(councils.list(level, region, Cursor.decode(cursor), size), size,
                council -> new Cursor(council.createdAt(), council.id()).encode());
    }

    @GetMapping("/{id}")
    Council get(@PathVariable UUID id) {
        return councils.find(id).orElseThrow(() -> new NotFoundException("council", id));
    }

    @PostMapping
    @Transactional
    ResponseEntity<Council> create(@Valid @RequestBody NewCouncil request) {
        List<String> levels = ruleSets.knownLevels();
        if (!levels.contains(request.level())) {
            throw new InvalidRequestException("level", "level must be one of " + levels);
        }
        Set<String> seen = new HashSet<>();
        List<Council.Member> members = request.members().stream()
                .map(m -> new Council.Member(m.name().strip(), m.role() == null ? null : m.role().strip()))
                .toList();
        for (Council.Member member : members) {
            if (!seen.add(Council.key(member.name()))) {
                throw new InvalidRequestException("members", member.name() + " is listed twice");
            }
        }
        String region = request.region() == null ? null : request.region().strip();
        String name = request.name().strip();
        if (councils.exists(name, request.level(), region)) {
            throw new ConflictException("council-exists", "A council named " + name + " already serves "
                    + request.level() + (region == null ? "" : " in " + region));
        }
        Council council = councils.insert(name, request.level(), region, members);
        return ResponseEntity.created(URI.create("/api/councils/" + council.id())).body(council);
    }
}
