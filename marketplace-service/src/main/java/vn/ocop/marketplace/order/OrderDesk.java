package vn.ocop.marketplace.order;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.marketplace.OrderAccepted;
import vn.ocop.contracts.marketplace.OrderCancelled;
import vn.ocop.contracts.marketplace.OrderDelivered;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.contracts.marketplace.OrderRejected;
import vn.ocop.contracts.marketplace.OrderShipped;
import vn.ocop.marketplace.listing.Listing;
import vn.ocop.marketplace.listing.Listings;
import vn.ocop.marketplace.retailer.Retailer;
import vn.ocop.marketplace.retailer.Retailers;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.ConflictException;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/** Places orders and moves them through their life; every change and its event commit together. */
@Service
class OrderDesk {

    /** The outcome of a placement: the order, and whether this request created it. */
    record Placement(Order order, boolean created) {
    }

    private final Orders orders;
    private final Listings listings;
    private final Retailers retailers;
    private final Outbox outbox;
    private final Clock clock;

    OrderDesk(Orders orders, Listings listings, Retailers retailers, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.listings = listings;
        this.retailers = retailers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Placement place(OrderController.NewOrder request, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = orders.findByIdempotencyKey(request.retailerId(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        Retailer retailer = retailers.find(request.retailerId())
                .orElseThrow(() -> new InvalidRequestException("retailerId", "no retailer " + request.retailerId() + " is registered"));
        Listing listing = listings.find(request.listingId())
                .orElseThrow(() -> new InvalidRequestException("listingId", "no listing " + request.listingId() + " exists"));
        if (!listing.active()) {
            throw new ConflictException("listing-unavailable", "Listing " + listing.id() + " is no longer available ("
                    + listing.withdrawnReason() + ")");
        }
        if (request.quantity() < listing.minOrderQuantity()) {
            throw new InvalidRequestException("quantity", "the minimum order is " + listing.minOrderQuantity() + " × "
                    + listing.unit());
        }
        long total = Math.multiplyExact(listing.wholesalePriceVnd(), (long) request.quantity());
        Instant now = clock.instant();
        Order order = new Order(UUID.randomUUID(), retailer.id(), retailer.name(), listing.id(), listing.productId(),
                listing.producerId(), listing.name(), listing.province(), request.quantity(), listing.unit(),
                listing.wholesalePriceVnd(), total, request.deliveryProvince().strip(), request.deliveryAddress().strip(),
                request.note(), OrderStatus.PLACED, null, now, now);
        if (!orders.insert(order, idempotencyKey)) {
            // A concurrent retry with the same key committed first: answer with its order.
            return replay(orders.findByIdempotencyKey(retailer.id(), Objects.requireNonNull(idempotencyKey)).orElseThrow(),
                    request);
        }
        outbox.append(new OrderPlaced(UUID.randomUUID(), now, order.id(), listing.id(), listing.productId(),
                listing.name(), listing.producerId(), listing.province(), retailer.id(), retailer.name(),
                order.quantity(), order.unit(), order.unitPriceVnd(), order.totalVnd(), order.deliveryProvince(),
                order.note()));
        return new Placement(orders.find(order.id()).orElseThrow(), true);
    }

    /** A retried request gets its order back; the same key with a different order is a client error. */
    private static Placement replay(Order earlier, OrderController.NewOrder request) {
        boolean same = earlier.listingId().equals(request.listingId()) && earlier.quantity() == request.quantity()
                && earlier.deliveryProvince().equals(request.deliveryProvince().strip())
                && earlier.deliveryAddress().equals(request.deliveryAddress().strip())
                && Objects.equals(earlier.note(), request.note());
        if (!same) {
            throw new ConflictException("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different order (" + earlier.id() + ")");
        }
        return new Placement(earlier, false);
    }

    @Transactional
    Order move(UUID orderId, OrderStatus.Action action, @Nullable String reason) {
        Order order = orders.findForUpdate(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
        if (action == OrderStatus.Action.REJECT && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException("reason", "a rejection needs a reason the retailer can read");
        }
        Order moved = order.apply(action, reason == null ? null : reason.strip());
        orders.saveStatus(moved);
        outbox.append(event(moved, action));
        return orders.find(orderId).orElseThrow();
    }

    private DomainEvent event(Order o, OrderStatus.Action action) {
        UUID id = UUID.randomUUID();
        Instant at = clock.instant();
        return switch (action) {
            case ACCEPT -> new OrderAccepted(id, at, o.id(), o.listingId(), o.productId(), o.productName(), o.producerId(),
                    o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd());
            case REJECT -> new OrderRejected(id, at, o.id(), o.listingId(), o.productId(), o.productName(), o.producerId(),
                    o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd(),
                    Objects.requireNonNull(o.statusReason()));
            case SHIP -> new OrderShipped(id, at, o.id(), o.listingId(), o.productId(), o.productName(), o.producerId(),
                    o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd());
            case DELIVER -> new OrderDelivered(id, at, o.id(), o.listingId(), o.productId(), o.productName(),
                    o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd());
            case CANCEL -> new OrderCancelled(id, at, o.id(), o.listingId(), o.productId(), o.productName(),
                    o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd(),
                    o.statusReason());
        };
    }
}
