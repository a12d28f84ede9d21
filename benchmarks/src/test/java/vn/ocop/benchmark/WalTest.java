package vn.ocop.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The WAL a run wrote and the checkpoints begun during it, from two readings of PostgreSQL's counters. */
class WalTest {

    @Test
    void aRunWithoutCheckpointSaysSo() {
        Wal.During during = Wal.between(new Wal.Reading(1_000_000, 500, 20, 3, 0, 1),
                new Wal.Reading(113_500_000, 1_234_567, 345, 3, 0, 1));

        assertThat(during).isEqualTo(new Wal.During(112_500_000, 1_234_067, 325, 0, 0, 0));
        assertThat(during.line()).isEqualTo(
                "112.5 MB, 1,234,067 records, 325 full-page images, WAL buffers full 0 times; no checkpoint began");
        assertThat(during.json()).containsEntry("bytes", 112_500_000L).containsEntry("checkpointsRequested", 0L);
    }

    @Test
    void checkpointsBegunOnScheduleAndOnRequestAreCountedApart() {
        Wal.During one = Wal.between(new Wal.Reading(0, 0, 0, 0, 2, 0), new Wal.Reading(0, 0, 7_400, 1_039, 2, 1));
        Wal.During two = Wal.between(new Wal.Reading(0, 0, 0, 0, 2, 0), new Wal.Reading(0, 0, 0, 0, 3, 1));

        assertThat(one.line()).endsWith("7,400 full-page images, WAL buffers full 1,039 times; "
                + "1 checkpoint began (0 on schedule, 1 requested)");
        assertThat(two.line()).endsWith("2 checkpoints began (1 on schedule, 1 requested)");
    }
}
