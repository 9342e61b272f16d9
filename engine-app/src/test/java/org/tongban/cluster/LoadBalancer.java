package org.tongban.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** HAProxy from Debian's package, running the shipped docs/examples/cluster/haproxy.cfg in the foreground. */
public final class LoadBalancer {

    public final int port;
    private final Process process;

    public LoadBalancer(Path configDirectory, int port, List<Integer> nodePorts, Path log) throws IOException {
        this.port = port;
        var builder = new ProcessBuilder("haproxy", "-db", "-f", configDirectory.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TONGBAN_PROXY_BIND", "127.0.0.1:" + port);
        builder.environment().put("TONGBAN_PROXY_DIR", configDirectory.toString());
        builder.environment().put("TONGBAN_NODE1", "127.0.0.1:" + nodePorts.get(0));
        builder.environment().put("TONGBAN_NODE2", "127.0.0.1:" + nodePorts.get(1));
        this.process = builder.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    public void stop() {
        process.destroy();
    }
}
