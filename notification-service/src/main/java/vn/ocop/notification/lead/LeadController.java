package vn.ocop.notification.lead;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.Cursor;
import vn.ocop.web.Page;

/** A producer's buyer leads, newest first. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final Leads leads;

    LeadController(Leads leads) {
        this.leads = leads;
    }

    @GetMapping
    Page<Lead> forProducer(@RequestParam UUID producerId, @RequestParam @Nullable Integer limit,
            @RequestParam @Nullable String cursor) {
        int size = Page.limit(limit);
        return Page.of(leads.forProducer(producerId, Cursor.decode(cursor), size), size,
                lead -> new Cursor(lead.occurredAt(), lead.id()).encode());
    }
}
