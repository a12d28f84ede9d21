package vn.ocop.marketplace.order;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.Cursor;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    record NewOrder(
            @NotNull UUID retailerId,
            @NotNull UUID listingId,
            @Min(1) int quantity,
            @NotBlank @Size(max = 100) String deliveryProvince,
            @NotBlank @Size(max = 300) String deliveryAddress,
            @Nullable @Size(max = 1000) String note) {
    }

    private final OrderDesk desk;
    private final Orders orders;

    OrderController(OrderDesk desk, Orders orders) {
        this.desk = desk;
        this.orders = orders;
    }

    /** With an {@code Idempotency-Key}, a retried request answers with the order it already created. */
    @PostMapping
    ResponseEntity<Order> place(@Valid @RequestBody NewOrder request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new InvalidRequestException("Idempotency-Key", "Idempotency-Key must be 1 to 100 characters");
        }
        OrderDesk.Placement placement = desk.place(request, idempotencyKey);
        URI location = URI.create("/api/orders/" + placement.order().id());
        return placement.created()
                ? ResponseEntity.created(location).body(placement.order())
                : ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(placement.order());
    }

    record Transition(@Nullable @Size(max = 1000) String reason) {
    }

    /**
     * {@code accept}, {@code reject} (with a reason) and {@code ship} are the producer's moves;
     * {@code deliver} and {@code cancel} (before shipping) the retailer's. An illegal move is 409
     * and changes nothing.
     */
    @PostMapping("/{id}/{action:accept|reject|ship|deliver|cancel}")
    Order move(@PathVariable UUID id, @PathVariable String action,
            @Valid @RequestBody(required = false) @Nullable Transition request) {
        return desk.move(id, OrderStatus.ACTIONS_BY_PATH.get(action), request == null ? null : request.reason());
    }

    @GetMapping("/{id}")
    Order get(@PathVariable UUID id) {
        return orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    @GetMapping
    Page<Order> list(@RequestParam(required = false) @Nullable UUID retailerId,
            @RequestParam(required = false) @Nullable UUID producerId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (retailerId == null && producerId == null) {
            throw new InvalidRequestException("retailerId", "give retailerId or producerId");
        }
        int size = Page.limit(limit);
        return Page.of(orders.list(retailerId, producerId, Cursor.decode(cursor), size), size,
                order -> new Cursor(order.createdAt(), order.id()).encode());
    }
}
