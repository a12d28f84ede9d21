package vn.ocop.evaluation.ruleset;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.InvalidRequestException;

/** The rule sets, readable by anyone: which criteria, bands and levels a decision rests on. */
@RestController
@RequestMapping("/api/rule-sets")
class RuleSetController {

    private final RuleSets ruleSets;

    RuleSetController(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping
    List<RuleSet> list() {
        return ruleSets.all();
    }

    @GetMapping("/{code}")
    RuleSet get(@PathVariable String code) {
        return ruleSets.get(code);
    }

    @GetMapping("/{code}/templates/{group}")
    Template template(@PathVariable String code, @PathVariable int group) {
        if (group < 1 || group > 6) {
            throw new InvalidRequestException("group", "product groups run from 1 to 6");
        }
        return ruleSets.template(ruleSets.get(code).code(), group);
    }
}
