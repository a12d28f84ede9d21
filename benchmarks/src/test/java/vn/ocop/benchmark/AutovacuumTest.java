package vn.ocop.benchmark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether autovacuum fell inside a run, from two readings of its counts and what it was doing at the end. */
class AutovacuumTest {

    @Test
    void tablesWhoseCountsGrewAreNamedWithWhatAutovacuumFinished() {
        Map<String, Map<String, Autovacuum.Visits>> before = Map.of(
                "marketplace", Map.of(
                        "listing", new Autovacuum.Visits(2, 3),
                        "outbox_event", new Autovacuum.Visits(5, 5)),
                "notification", Map.of("event_log", new Autovacuum.Visits(1, 1)));
        Map<String, Map<String, Autovacuum.Visits>> after = new TreeMap<>(Map.of(
                "marketplace", new TreeMap<>(Map.of(
                        "listing", new Autovacuum.Visits(3, 4),
                        "outbox_event", new Autovacuum.Visits(5, 6))),
                "notification", new TreeMap<>(Map.of(
                        "event_log", new Autovacuum.Visits(1, 1),
                        // A table first seen in the second reading counts from zero.
                        "lead", new Autovacuum.Visits(1, 0)))));

        Autovacuum.During during = Autovacuum.between(before, after, List.of("notification VACUUM ANALYZE inbox_message"));

        assertThat(during.finished()).containsExactly("marketplace listing: vacuum, analyze",
                "marketplace outbox_event: analyze", "notification lead: vacuum");
        assertThat(Autovacuum.between(Map.of(), after, List.of()).finished()).containsExactly(
                "marketplace listing, outbox_event: vacuum, analyze", "notification event_log: vacuum, analyze",
                "notification lead: vacuum");
        assertThat(during.unfinished()).containsExactly("notification VACUUM ANALYZE inbox_message");
        assertThat(during.line()).isEqualTo("finished marketplace listing: vacuum, analyze; marketplace outbox_event: "
                + "analyze; notification lead: vacuum, still at work on notification VACUUM ANALYZE inbox_message");
    }

    @Test
    void aRunAutovacuumLeftAloneSaysNone() {
        Map<String, Map<String, Autovacuum.Visits>> counts =
                Map.of("catalog", Map.of("product", new Autovacuum.Visits(4, 4)));

        Autovacuum.During during = Autovacuum.between(counts, counts, List.of());

        assertThat(during.none()).isTrue();
        assertThat(during.line()).isEqualTo("none");
    }

    @Test
    void aWorkersActivityNamesItsTaskAndTable() {
        assertThat(Autovacuum.task("autovacuum: VACUUM ANALYZE public.listing")).isEqualTo("VACUUM ANALYZE listing");
        assertThat(Autovacuum.task("autovacuum: ANALYZE public.outbox_event")).isEqualTo("ANALYZE outbox_event");
    }
}
