package vn.ocop.marketplace.demand;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.marketplace.listing.ListingQuery;
import vn.ocop.web.NotFoundException;

@RestController
@RequestMapping("/api/purchase-requests")
class PurchaseRequestController {

    /** What a retailer wants: a group and/or words, with optional stars, price, province and date. */
    record NewRequest(
            @NotNull UUID retailerId,
            @Nullable @Min(1) @Max(6) Integer group,
            @Nullable @Size(max = ListingQuery.MAX_QUERY_LENGTH) String query,
            @Nullable @Min(1) @Max(5) Integer minStars,
            @Min(1) int quantity,
            @NotBlank @Size(max = 50) String unit,
            @Nullable @PositiveOrZero Long maxPriceVnd,
            @Nullable @Size(max = 100) String province,
            @Nullable LocalDate neededBy) {
    }

    record Closing(@NotNull PurchaseRequest.RequestStatus reason) {
    }

    /** A request with the producers it has met. */
    record RequestView(PurchaseRequest request, List<PurchaseRequest.Match> matches) {
    }

    private final DemandDesk desk;
    private final PurchaseRequests requests;

    PurchaseRequestController(DemandDesk desk, PurchaseRequests requests) {
        this.desk = desk;
        this.requests = requests;
    }

    @PostMapping
    ResponseEntity<RequestView> post(@Valid @RequestBody NewRequest request) {
        PurchaseRequest posted = desk.post(request);
        return ResponseEntity.created(URI.create("/api/purchase-requests/" + posted.id()))
                .body(new RequestView(posted, requests.matches(posted.id())));
    }

    @GetMapping("/{id}")
    RequestView get(@PathVariable UUID id) {
        PurchaseRequest request = requests.find(id).orElseThrow(() -> new NotFoundException("purchase request", id));
        return new RequestView(request, requests.matches(id));
    }

    /** The retailer closes its request: FULFILLED or CANCELLED. */
    @PostMapping("/{id}/close")
    RequestView close(@PathVariable UUID id, @Valid @RequestBody Closing closing) {
        PurchaseRequest closed = desk.close(id, closing.reason());
        return new RequestView(closed, requests.matches(id));
    }
}
