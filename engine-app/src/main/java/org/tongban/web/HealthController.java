package org.tongban.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load balancer's health check: a node answers 200 only once it has started (content deployed, the web server
 * open) and while it reaches the database. Deliberately not Spring Boot Actuator, whose per-request observation
 * would cost every API request CPU (docs/benchmark.md); public and not rate-limited (the proxy asks every second).
 */
@RestController
@Tag(name = "Operations (运维)")
class HealthController {

    static final String PATH = "/api/v1/health";

    private final DataSource dataSource;
    private final ProblemWriter problems;

    HealthController(DataSource dataSource, ProblemWriter problems) {
        this.dataSource = dataSource;
        this.problems = problems;
    }

    @GetMapping(PATH)
    @SecurityRequirements
    @Operation(summary = "Whether this node serves requests: 200 {\"status\": \"UP\"}, or 503 database-unavailable")
    ResponseEntity<?> health() {
        try (var connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("status", "UP"));
            }
        } catch (SQLException e) {
            // answered below: the proxy takes this node out until the database is back
        }
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").cacheControl(CacheControl.noStore())
                .body(problems.problem(503, "database-unavailable", List.of(), List.of()));
    }
}
