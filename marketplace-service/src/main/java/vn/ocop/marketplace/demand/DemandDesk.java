package vn.ocop.marketplace.demand;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.contracts.marketplace.DemandMatched;
import vn.ocop.contracts.marketplace.PurchaseRequestClosed;
import vn.ocop.contracts.marketplace.PurchaseRequestPosted;
import vn.ocop.marketplace.listing.Listing;
import vn.ocop.marketplace.listing.ListingsAvailable;
import vn.ocop.marketplace.listing.ListingQuery;
import vn.ocop.marketplace.listing.Listings;
import vn.ocop.marketplace.retailer.Retailer;
import vn.ocop.marketplace.retailer.Retailers;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.ConflictException;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/**
 * Demand meets supply: a new request is matched against active listings at once, and every
 * listing that becomes available or changes is matched against open requests. A producer hears
 * of a request once ({@code DemandMatched}), however many of its listings match.
 */
@Service
class DemandDesk {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MATCH_LIMIT = 1_000;

    private final PurchaseRequests requests;
    private final Listings listings;
    private final Retailers retailers;
    private final Outbox outbox;
    private final Clock clock;

    DemandDesk(PurchaseRequests requests, Listings listings, Retailers retailers, Outbox outbox, Clock clock) {
        this.requests = requests;
        this.listings = listings;
        this.retailers = retailers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    PurchaseRequest post(PurchaseRequestController.NewRequest r) {
        Retailer retailer = retailers.find(r.retailerId())
                .orElseThrow(() -> new InvalidRequestException("retailerId", "no retailer " + r.retailerId() + " is registered"));
        if (r.group() == null && (r.query() == null || r.query().isBlank())) {
            throw new InvalidRequestException("query", "say what is wanted: a group, a query, or both");
        }
        if (r.neededBy() != null && r.neededBy().isBefore(today())) {
            throw new InvalidRequestException("neededBy", "neededBy must not be in the past");
        }
        PurchaseRequest request = requests.insert(UUID.randomUUID(), r);
        outbox.append(new PurchaseRequestPosted(UUID.randomUUID(), clock.instant(), request.id(), retailer.id(),
                retailer.name(), request.productGroup(), request.query(), request.minStars(), request.quantity(),
                request.unit(), request.maxPriceVnd(), request.province(), request.neededBy()));
        ListingQuery criteria = new ListingQuery(request.query(), request.productGroup(), request.minStars(),
                request.province(), request.maxPriceVnd(), ListingQuery.Sort.NEWEST);
        Map<UUID, List<Listing>> byProducer = new LinkedHashMap<>();
        for (Listing listing : listings.matching(criteria, MATCH_LIMIT)) {
            byProducer.computeIfAbsent(listing.producerId(), producer -> new ArrayList<>()).add(listing);
        }
        byProducer.values().forEach(producerListings -> {
            boolean first = false;
            for (Listing listing : producerListings) {
                first |= requests.match(request.id(), listing);
            }
            if (first) {
                announce(request, retailer, producerListings);
            }
        });
        return request;
    }

    /** Runs in the transaction of the listing changes. */
    @EventListener
    void listingsAvailable(ListingsAvailable available) {
        Map<UUID, Listing> byId = new HashMap<>();
        available.listings().forEach(listing -> byId.put(listing.id(), listing));
        for (PurchaseRequests.Opening opening : requests.openRequestsMatching(available.listings())) {
            Listing listing = Objects.requireNonNull(byId.get(opening.listingId()));
            PurchaseRequest request = opening.request();
            if (requests.match(request.id(), listing)) {
                Retailer retailer = retailers.find(request.retailerId()).orElseThrow();
                announce(request, retailer, List.of(listing));
            }
        }
    }

    private void announce(PurchaseRequest request, Retailer retailer, List<Listing> matched) {
        Listing first = matched.getFirst();
        outbox.append(new DemandMatched(UUID.randomUUID(), clock.instant(), request.id(), retailer.id(), retailer.name(),
                first.producerId(), first.producerName(), matched.stream().map(Listing::id).toList(),
                matched.stream().map(Listing::name).toList(), request.quantity(), request.unit(), request.maxPriceVnd(),
                request.neededBy()));
    }

    @Transactional
    PurchaseRequest close(UUID id, PurchaseRequest.RequestStatus reason) {
        if (reason != PurchaseRequest.RequestStatus.FULFILLED && reason != PurchaseRequest.RequestStatus.CANCELLED) {
            throw new InvalidRequestException("reason", "reason must be FULFILLED or CANCELLED");
        }
        PurchaseRequest request = requests.findForUpdate(id).orElseThrow(() -> new NotFoundException("purchase request", id));
        if (request.status() != PurchaseRequest.RequestStatus.OPEN) {
            throw new ConflictException("purchase-request-closed", "Purchase request " + id + " is already "
                    + request.status());
        }
        closeWith(request, reason);
        return requests.find(id).orElseThrow();
    }

    /** Closes requests past their date; several instances share the work without closing one twice. */
    @Scheduled(fixedDelayString = "${ocop.marketplace.expiry-interval:PT10M}", initialDelayString = "PT30S")
    @Transactional
    public void expireOverdue() {
        expireOverdue(today());
    }

    @Transactional
    int expireOverdue(LocalDate today) {
        List<PurchaseRequest> overdue = requests.overdue(today, 500);
        overdue.forEach(request -> closeWith(request, PurchaseRequest.RequestStatus.EXPIRED));
        return overdue.size();
    }

    private void closeWith(PurchaseRequest request, PurchaseRequest.RequestStatus status) {
        requests.close(request.id(), status);
        outbox.append(new PurchaseRequestClosed(UUID.randomUUID(), clock.instant(), request.id(), request.retailerId(),
                status.name()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }
}
