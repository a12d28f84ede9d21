package vn.ocop.marketplace.order;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.marketplace.listing.Listing;
import vn.ocop.marketplace.listing.Listings;
import vn.ocop.marketplace.retailer.Retailer;
import vn.ocop.marketplace.retailer.Retailers;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.ConflictException;
import vn.ocop.web.InvalidRequestException;

/** Places orders: checks the listing and its terms, fixes price and total, tells the producer. */
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
                return new Placement(earlier.get(), false);
            }
        }
        Retailer retailer = retailers.find(request.retailerId())
                .orElseThrow(() -> new InvalidRequestException("retailerId", "no retailer " + request.retailerId() + " is registered"));
        Listing listing = listings.find(request.listingId())
                .orElseThrow(() -> new InvalidRequestException("listingId", "no listing " + request.listingId() + " exists"));
        if (!listing.active()) {
            throw new ConflictException("listing-unavailable", "Listing " + listing.id() + " is no longer available");
        }
        if (request.quantity() < listing.minOrderQuantity()) {
            throw new InvalidRequestException("quantity", "the minimum order is " + listing.minOrderQuantity() + " × "
                    + listing.unit());
        }
        long total = Math.multiplyExact(listing.wholesalePriceVnd(), (long) request.quantity());
        Order order = new Order(UUID.randomUUID(), retailer.id(), listing.id(), listing.productId(), listing.producerId(),
                listing.name(), request.quantity(), listing.unit(), listing.wholesalePriceVnd(), total,
                request.deliveryProvince().strip(), request.deliveryAddress().strip(), request.note(), "PLACED",
                clock.instant());
        if (!orders.insert(order, idempotencyKey)) {
            // A concurrent retry with the same key committed first: answer with its order.
            return new Placement(orders.findByIdempotencyKey(retailer.id(), idempotencyKey).orElseThrow(), false);
        }
        outbox.append(new OrderPlaced(UUID.randomUUID(), clock.instant(), order.id(), listing.id(), listing.productId(),
                listing.name(), listing.producerId(), listing.province(), retailer.id(), retailer.name(),
                order.quantity(), order.unit(), order.unitPriceVnd(), order.totalVnd(), order.deliveryProvince(),
                order.note()));
        return new Placement(orders.find(order.id()).orElseThrow(), true);
    }
}
