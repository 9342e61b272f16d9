package org.tongban.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The database under test: embedded H2 (default) or the real MariaDB/MySQL at 127.0.0.1:3306 when
 * {@code -Dtongban.test.db=mysql}. MySQL runs get a fresh database, dropped when the JVM ends.
 */
public final class TestDatabase {

    public static final boolean MYSQL = "mysql".equals(System.getProperty("tongban.test.db"));
    private static final String HOST = System.getProperty("tongban.test.mysql-host", "127.0.0.1:3306");
    private static final String USER = System.getProperty("tongban.test.mysql-user", "root");
    private static final String PASSWORD = System.getProperty("tongban.test.mysql-password", "");
    /** The test database's name starts with this (a benchmark's own prefix keeps its databases apart). */
    private static final String PREFIX = System.getProperty("tongban.test.db-prefix", "tongban_test_");
    /** -Dtongban.test.keep-db=true: the database stays after the run (to inspect a benchmark's data). */
    private static final boolean KEEP = Boolean.getBoolean("tongban.test.keep-db");
    private static Map<String, String> properties;

    private TestDatabase() {
    }

    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = MYSQL ? mysql() : Map.of("spring.datasource.url",
                    "jdbc:h2:mem:tongban-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        }
        return properties;
    }

    private static Map<String, String> mysql() {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + (System.currentTimeMillis() % 100000);
        String admin = "jdbc:mysql://" + HOST + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (var c = DriverManager.getConnection(admin, USER, PASSWORD); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            // As docs/operations.md asks of every server: a 10 MB material travels hex-encoded in one statement.
            s.execute("SET GLOBAL max_allowed_packet = 67108864");
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL/MariaDB at " + HOST + " is needed for -Dtongban.test.db=mysql", e);
        }
        if (KEEP) {
            System.out.println("Test database kept after the run: " + name);
        } else Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var c = DriverManager.getConnection(admin, USER, PASSWORD); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException ignored) {
                // best effort: a leftover test database is harmless
            }
        }));
        if (!"mysql".equals(System.getProperty("spring.profiles.active"))) {
            throw new IllegalStateException("-Dtongban.test.db=mysql needs -Dspring.profiles.active=mysql too");
        }
        return Map.of("TONGBAN_DB_NAME", name, "TONGBAN_DB_USER", USER,
                "TONGBAN_DB_PASSWORD", PASSWORD, "TONGBAN_DB_HOST", HOST.split(":")[0], "TONGBAN_DB_PORT", HOST.split(":")[1]);
    }
}
