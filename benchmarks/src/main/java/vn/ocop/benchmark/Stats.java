package vn.ocop.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of a set of latencies in milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

    static Stats of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    private static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("p50Ms", round(p50));
        json.put("p95Ms", round(p95));
        json.put("p99Ms", round(p99));
        json.put("maxMs", round(max));
        json.put("meanMs", round(mean));
        return json;
    }

    String line() {
        return "n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms".formatted(count, p50, p95, p99, max);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
