package vn.ocop.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** CPU time read from /proc, where PostgreSQL's backends come and go. */
class FootprintTest {

    @Test
    void aProcessTreeKeepsTheTimeOfChildrenThatHaveExited() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux's /proc");
        long self = ProcessHandle.current().pid();
        double before = Footprint.treeCpuSeconds(self) - Footprint.cpuSeconds(self);
        // A child that spins for half a second of CPU, then exits and is waited for.
        Process child = new ProcessBuilder("sh", "-c",
                "end=$(( $(date +%s%N) + 500000000 )); while [ $(date +%s%N) -lt $end ]; do :; done").start();
        assertThat(child.waitFor()).isZero();
        double after = Footprint.treeCpuSeconds(self) - Footprint.cpuSeconds(self);
        // No descendant is alive now: what the tree has beyond this process is the child's time.
        assertThat(after - before).isGreaterThan(0.2);
    }
}
