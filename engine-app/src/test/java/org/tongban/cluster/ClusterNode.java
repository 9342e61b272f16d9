package org.tongban.cluster;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One application node: the packaged jar in its own JVM, as production runs it; its output goes to a log file. */
public final class ClusterNode {

    final String name;
    public final int port;
    private final Path jar;
    private final Path log;
    private final List<String> arguments;
    private Process process;

    public ClusterNode(String name, int port, Path jar, Path logDirectory, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = logDirectory.resolve(name + ".log");
        this.arguments = new ArrayList<>();
        properties.forEach((k, v) -> arguments.add("--" + k + "=" + v));
        arguments.add("--server.port=" + port);
    }

    public void start() throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-jar", jar.toString()));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** CPU time the node's process has used so far (0 if unknown). */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** SIGKILL: no shutdown hook, no connection closed politely, no lock released, no transaction finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public void awaitHealthy(Duration within) throws Exception {
        long giveUp = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy after " + within + ":\n" + tail());
    }

    boolean healthy() {
        try {
            var c = (HttpURLConnection) URI.create(url() + "/api/v1/health").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(3000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The end of the node's log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
