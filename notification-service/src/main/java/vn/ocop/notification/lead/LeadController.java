package vn.ocop.notification.lead;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.Cursor;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

/** A producer's buyer leads, newest first, and how the producer followed them up. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    record StatusChange(@NotNull LeadStatus status) {
    }

    private final Leads leads;
    private final Clock clock;

    LeadController(Leads leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    @GetMapping
    Page<Lead> forProducer(@RequestParam UUID producerId, @RequestParam(required = false) @Nullable LeadStatus status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        return Page.of(leads.forProducer(producerId, status, Cursor.decode(cursor), size), size,
                lead -> new Cursor(lead.occurredAt(), lead.id()).encode());
    }

    @GetMapping("/{id}")
    Lead get(@PathVariable UUID id) {
        return leads.find(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** CONTACTED, WON or LOST; a move the lead's status does not allow is 409 and changes nothing. */
    @PostMapping("/{id}/status")
    @Transactional
    Lead changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        Lead lead = leads.findForUpdate(id).orElseThrow(() -> new NotFoundException("lead", id));
        Lead moved = lead.moveTo(change.status(), clock.instant());
        if (moved != lead) {
            leads.saveStatus(moved);
        }
        return moved;
    }
}
