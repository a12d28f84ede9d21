package vn.ocop.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The CPU seconds each process used during a measured run, and how long the run took. */
record ProcessCpu(Map<String, Double> seconds, double elapsed) {

    /** What each process used between two readings of every process's CPU so far. */
    static ProcessCpu between(Map<String, Double> before, Map<String, Double> after, double elapsed) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((process, total) -> used.put(process, total - before.getOrDefault(process, Double.NaN)));
        return new ProcessCpu(used, elapsed);
    }

    /** All processes together (those that could not be read left out). */
    double total() {
        return seconds.values().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).sum();
    }

    /**
     * "X s in Y s (Z cores of N) = W ms per {@code unit} (each process)", for a run of
     * {@code count} events or searches.
     */
    String line(double count, String unit, UnaryOperator<String> shortName) {
        return "%.1f s in %.1f s (%.2f cores of %d) = %.2f ms per %s (%s)".formatted(total(), elapsed,
                total() / elapsed, Runtime.getRuntime().availableProcessors(), 1000 * total() / count, unit,
                String.join(", ", seconds.entrySet().stream()
                        .map(e -> "%s %.1f".formatted(shortName.apply(e.getKey()), e.getValue())).toList()));
    }

    /** Each process's seconds, rounded, for the JSON report. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        seconds.forEach((process, used) -> json.put(process, Stats.round(used)));
        return json;
    }
}
