package org.tongban.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** HAProxy from Debian's package, running the shipped docs/examples/cluster/haproxy.cfg in the foreground. */
final class LoadBalancer {

    final int port;
    private final Process process;

    LoadBalancer(Path configDirectory, int port, List<ClusterNode> nodes, Path log) throws IOException {
        this.port = port;
        var builder = new ProcessBuilder("haproxy", "-db", "-f", configDirectory.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TONGBAN_PROXY_BIND", "127.0.0.1:" + port);
        builder.environment().put("TONGBAN_PROXY_DIR", configDirectory.toString());
        builder.environment().put("TONGBAN_NODE1", "127.0.0.1:" + nodes.get(0).port);
        builder.environment().put("TONGBAN_NODE2", "127.0.0.1:" + nodes.get(1).port);
        this.process = builder.start();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    void stop() {
        process.destroy();
    }
}
