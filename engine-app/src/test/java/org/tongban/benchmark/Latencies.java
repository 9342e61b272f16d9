package org.tongban.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Wall-clock time per request type, for p50/p95; one instance per measured window. */
final class Latencies {

    private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();

    <T> T time(String type, Supplier<T> request) {
        long start = System.nanoTime();
        try {
            return request.get();
        } finally {
            nanos.computeIfAbsent(type, t -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
        }
    }

    void time(String type, Runnable request) {
        time(type, () -> {
            request.run();
            return null;
        });
    }

    /** One line per request type, sorted by name. */
    void print(String side) {
        for (var entry : new TreeMap<>(nanos).entrySet()) {
            long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("BENCHMARK %-8s %-22s n=%6d  p50 %7.1f ms  p95 %7.1f ms%n", side, entry.getKey(),
                    sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95));
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
