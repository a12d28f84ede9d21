package vn.ocop.notification.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.InvalidRequestException;

/** The programme at a glance for an agriculture office. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    record Products(long registered, long submitted, long certified, long rejected, long revoked, long expired,
            Map<String, Long> certifiedByStars, Map<String, Long> certifiedByLevel) {
    }

    /**
     * @param created listings created in the period ({@code byGroup}: per product group)
     * @param withdrawn listings withdrawn in the period
     * @param active listings active at the end of the period, whenever they were created
     */
    record Listings(long created, Map<String, Long> byGroup, long withdrawn, long active,
            Map<String, Long> activeByGroup, Map<String, Long> activeByProvince) {
    }

    record Orders(long placed, long valueVnd, long accepted, long acceptedValueVnd, long delivered,
            long deliveredValueVnd, long rejected, long cancelled) {
    }

    record Demand(long requestsPosted, long requestsClosed, long matches) {
    }

    record Stage(String stage, long count) {
    }

    record Summary(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String province, Products products,
            Listings listings, Orders orders, Demand demand, List<Stage> funnel) {
    }

    private final DashboardCounters counters;

    DashboardController(DashboardCounters counters) {
        this.counters = counters;
    }

    /**
     * Totals over the days from {@code from} to {@code to} inclusive (dates in Vietnam), optionally
     * one province, summed from the daily counters the consumers keep.
     */
    @GetMapping("/summary")
    Summary summary(
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Nullable String province) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "to must not be before from");
        }
        Map<String, Long> totals = counters.totals(from, to, province);
        Map<String, Long> untilEnd = from == null ? totals : counters.totalsUntil(to, province);
        Products products = new Products(get(totals, Metrics.REGISTERED), get(totals, Metrics.SUBMITTED),
                get(totals, Metrics.CERTIFIED), get(totals, Metrics.REJECTED), get(totals, Metrics.REVOKED),
                get(totals, Metrics.EXPIRED), byPrefix(totals, Metrics.CERTIFIED_STARS),
                byPrefix(totals, Metrics.CERTIFIED_LEVEL));
        Map<String, Long> activeByGroup = new TreeMap<>(byPrefix(untilEnd, Metrics.LISTED_GROUP));
        byPrefix(untilEnd, Metrics.WITHDRAWN_GROUP).forEach((group, n) -> activeByGroup.merge(group, -n, Long::sum));
        activeByGroup.values().removeIf(n -> n == 0);
        Listings listings = new Listings(get(totals, Metrics.LISTED), byPrefix(totals, Metrics.LISTED_GROUP),
                get(totals, Metrics.WITHDRAWN), get(untilEnd, Metrics.LISTED) - get(untilEnd, Metrics.WITHDRAWN),
                activeByGroup, counters.activeListingsByProvince(to, province));
        Orders orders = new Orders(get(totals, Metrics.ORDERED), get(totals, Metrics.ORDERED_VALUE),
                get(totals, Metrics.ACCEPTED), get(totals, Metrics.ACCEPTED_VALUE), get(totals, Metrics.DELIVERED),
                get(totals, Metrics.DELIVERED_VALUE), get(totals, Metrics.ORDER_REJECTED),
                get(totals, Metrics.CANCELLED));
        Demand demand = new Demand(get(totals, Metrics.REQUESTS_POSTED), get(totals, Metrics.REQUESTS_CLOSED),
                get(totals, Metrics.MATCHES));
        List<Stage> funnel = List.of(
                new Stage("registered", products.registered()),
                new Stage("submitted", products.submitted()),
                new Stage("certified", products.certified()),
                new Stage("listed", listings.created()),
                new Stage("ordered", orders.placed()));
        return new Summary(from, to, province, products, listings, orders, demand, funnel);
    }

    private static long get(Map<String, Long> totals, String metric) {
        return totals.getOrDefault(metric, 0L);
    }

    private static Map<String, Long> byPrefix(Map<String, Long> totals, String prefix) {
        Map<String, Long> result = new TreeMap<>();
        totals.forEach((metric, value) -> {
            if (metric.startsWith(prefix)) {
                result.put(metric.substring(prefix.length()), value);
            }
        });
        return result;
    }
}
