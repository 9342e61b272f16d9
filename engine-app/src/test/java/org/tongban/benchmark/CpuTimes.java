package org.tongban.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (server, clients and engine alike) and by the local MariaDB server
 * ({@code /proc/<pid>/stat} of {@code mariadbd}, 0 where it does not run on this machine). Deltas per side show
 * where a case's CPU goes; the machine's two cores are what both sides compete for.
 */
record CpuTimes(long jvmNanos, long databaseNanos) {

    /** Linux's USER_HZ: /proc reports utime and stime in these ticks. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path DATABASE = findDatabase();

    static CpuTimes now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTimes(os.getProcessCpuTime(), readDatabase());
    }

    CpuTimes since(CpuTimes before) {
        return new CpuTimes(jvmNanos - before.jvmNanos, databaseNanos - before.databaseNanos);
    }

    CpuTimes plus(CpuTimes other) {
        return new CpuTimes(jvmNanos + other.jvmNanos, databaseNanos + other.databaseNanos);
    }

    static boolean databaseMeasured() {
        return DATABASE != null;
    }

    private static long readDatabase() {
        if (DATABASE == null) {
            return 0;
        }
        try {
            String stat = Files.readString(DATABASE);
            // fields after the ")" closing the command name: state is field 3, utime 14 and stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Path findDatabase() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String name = Files.readString(p.resolve("comm")).trim();
                            return name.equals("mariadbd") || name.equals("mysqld");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> p.resolve("stat")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
