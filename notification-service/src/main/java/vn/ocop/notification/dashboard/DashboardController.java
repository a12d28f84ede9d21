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

    record Products(long registered, long submitted, long certified, long rejected, Map<String, Long> certifiedByStars,
            Map<String, Long> certifiedByLevel) {
    }

    record Listings(long created, Map<String, Long> byGroup) {
    }

    record Orders(long placed, long valueVnd) {
    }

    record Stage(String stage, long count) {
    }

    record Summary(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String province, Products products,
            Listings listings, Orders orders, List<Stage> funnel) {
    }

    private final DashboardCounters counters;

    DashboardController(DashboardCounters counters) {
        this.counters = counters;
    }

    /** Totals over the days from {@code from} to {@code to} inclusive (dates in Vietnam), optionally one province. */
    @GetMapping("/summary")
    Summary summary(@RequestParam @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam @Nullable String province) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "to must not be before from");
        }
        Map<String, Long> totals = counters.totals(from, to, province);
        Products products = new Products(get(totals, Metrics.REGISTERED), get(totals, Metrics.SUBMITTED),
                get(totals, Metrics.CERTIFIED), get(totals, Metrics.REJECTED),
                byPrefix(totals, Metrics.CERTIFIED_STARS), byPrefix(totals, Metrics.CERTIFIED_LEVEL));
        Listings listings = new Listings(get(totals, Metrics.LISTED), byPrefix(totals, Metrics.LISTED_GROUP));
        Orders orders = new Orders(get(totals, Metrics.ORDERED), get(totals, Metrics.ORDERED_VALUE));
        List<Stage> funnel = List.of(
                new Stage("registered", products.registered()),
                new Stage("submitted", products.submitted()),
                new Stage("certified", products.certified()),
                new Stage("listed", listings.created()),
                new Stage("ordered", orders.placed()));
        return new Summary(from, to, province, products, listings, orders, funnel);
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
