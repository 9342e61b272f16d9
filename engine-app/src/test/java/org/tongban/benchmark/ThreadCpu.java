package org.tongban.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's long-lived threads by kind: the server's request threads ({@code http-nio-*-exec-*}) and
 * the after-commit listeners ({@code task-*}, where licences are issued). Client threads are measured by the
 * cycles themselves ({@link #currentThread()}), since their pools end with each window; what remains of the
 * process's CPU is the JVM's own work (JIT compilers, garbage collector) and other threads.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU per kind of thread, summed over the threads alive now. */
    static Map<String, Long> byKind() {
        var sums = new TreeMap<String, Long>();
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                sums.merge(kind(info.getThreadName()), cpu, Long::sum);
            }
        }
        return sums;
    }

    static long currentThread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Per kind, this reading minus the earlier one (threads that ended in between are not counted). */
    static Map<String, Long> since(Map<String, Long> now, Map<String, Long> before) {
        var delta = new TreeMap<String, Long>();
        now.forEach((kind, cpu) -> delta.put(kind, cpu - before.getOrDefault(kind, 0L)));
        return delta;
    }

    private static String kind(String name) {
        if (name.startsWith("http-nio") && name.contains("-exec-")) {
            return "server";
        }
        if (name.startsWith("task-")) {
            return "after-commit";
        }
        return "other";
    }
}
