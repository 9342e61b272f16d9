package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.ApiTestBase;
import org.tongban.support.TestDatabase;

/**
 * The web UI in a real browser: runs {@code src/main/webapp/e2e/run.mjs} (Debian Chromium through playwright-core,
 * axe-core) against this application on H2 with demo data. Once per build (skipped in the MySQL run, and with
 * -Dtongban.ui.skip=true). A failing journey leaves a screenshot and the browser console in
 * target/browser-artifacts; -Dtongban.screenshots=true also saves the main pages into docs/images/.
 */
class BrowserJourneysTest extends ApiTestBase {

    @LocalServerPort
    int port;

    @Test
    void theJourneysPassInChromium() throws Exception {
        assumeFalse(TestDatabase.MYSQL, "the browser journeys run once, on H2");
        assumeFalse(Boolean.getBoolean("tongban.ui.skip"), "web UI not built (-Dtongban.ui.skip=true)");
        Path webapp = Path.of("src/main/webapp").toAbsolutePath();
        assertThat(webapp.resolve("node_modules/playwright-core")).as("npm ci has run").isDirectory();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian chromium (apt-get install chromium)").isExecutable();

        overdueFood(); // a red card, raised by the engine's timers, for the supervision journeys
        var command = new ArrayList<>(List.of("node", "e2e/run.mjs", "--base", "http://localhost:" + port,
                "--out", Path.of("target/browser-artifacts").toAbsolutePath().toString()));
        if (System.getProperty("tongban.journeys") != null) { // e.g. -Dtongban.journeys=a,b while working on them
            command.addAll(List.of("--only", System.getProperty("tongban.journeys")));
        }
        if (Boolean.getBoolean("tongban.screenshots")) {
            command.addAll(List.of("--screenshots", Path.of("../docs/images").toAbsolutePath().normalize().toString()));
        }
        Process node = new ProcessBuilder(command).directory(webapp.toFile()).redirectErrorStream(true).start();
        var output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("[browser] " + line);
                output.append(line).append('\n');
            }
        }
        boolean ended = node.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        assertThat(ended).as("the journeys end within 10 minutes").isTrue();
        String summary = output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output.toString();
        assertThat(node.exitValue()).as(summary).isZero();
        assertThat(output).contains("all journeys passed");
        assertThat(Files.exists(Path.of("target/browser-artifacts"))).isTrue();
    }
}
