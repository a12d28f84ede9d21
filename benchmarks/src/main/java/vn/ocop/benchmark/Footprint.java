package vn.ocop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resident memory and CPU time of a process and its descendants, read from /proc (Linux). */
final class Footprint {

    /** Clock ticks per second of /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private Footprint() {
    }

    /** Resident set size in MiB. */
    static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** User plus system CPU seconds used so far. */
    static double cpuSeconds(long pid) {
        return cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** User plus system CPU seconds of a process or thread, from its {@code stat} file. */
    private static double cpuSeconds(Path statFile) {
        return seconds(statFile, 11);
    }

    /**
     * Two consecutive clock-tick fields of a {@code stat} file as seconds, numbered from the state
     * (0, the field after the command's closing parenthesis): 11 is utime and stime, 13 cutime and
     * cstime; NaN when it cannot be read.
     */
    private static double seconds(Path statFile, int field) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[field]) + Long.parseLong(fields[field + 1])) / TICKS;
        }
        catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The share of one core a JVM's JIT compilers may use for it to count as warmed up: the
     * benchmark measures once every process's compilers stay under it.
     */
    static final double JIT_QUIET = 0.05;

    /**
     * User plus system CPU seconds used so far by the process's JIT compiler threads (HotSpot names
     * them {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN}; Linux keeps the first 15
     * characters). A compiler thread the JVM has stopped takes its time with it, so this can fall;
     * callers take differences of at least zero.
     */
    static double jitCpuSeconds(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        double seconds = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    double used = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")
                            ? cpuSeconds(thread.resolve("stat")) : 0;
                    // NaN: the thread ended between reading its name and its times.
                    seconds += Double.isNaN(used) ? 0 : used;
                }
                catch (IOException e) {
                    // The thread ended while being read.
                }
            }
        }
        catch (IOException e) {
            return Double.NaN;
        }
        return seconds;
    }

    /** The process and all its descendants (PostgreSQL forks a backend per connection). */
    static List<Long> tree(long pid) {
        return ProcessHandle.of(pid).map(root -> Stream.concat(Stream.of(root), root.descendants())
                .map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    static double treeRssMib(long pid) {
        return tree(pid).stream().mapToDouble(Footprint::rssMib).filter(v -> !Double.isNaN(v)).sum();
    }

    /**
     * CPU seconds of a process and its descendants, those that have exited included: PostgreSQL's
     * autovacuum workers and short-lived connections come and go, and their time is then only in
     * the postmaster's account of the children it has reaped.
     */
    static double treeCpuSeconds(long pid) {
        return tree(pid).stream().mapToDouble(Footprint::cpuSeconds).filter(v -> !Double.isNaN(v)).sum()
                + reaped(pid);
    }

    /** The CPU seconds of the children a process has waited for (cutime plus cstime); 0 if unknown. */
    private static double reaped(long pid) {
        double seconds = seconds(Path.of("/proc", String.valueOf(pid), "stat"), 13);
        return Double.isNaN(seconds) ? 0 : seconds;
    }
}
