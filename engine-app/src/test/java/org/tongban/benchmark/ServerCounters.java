package org.tongban.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.tongban.support.TestDatabase;

/**
 * MariaDB's server-wide {@code Questions} (statements sent by clients) and {@code Com_commit} (explicit
 * COMMITs) from {@code SHOW GLOBAL STATUS}. Global: anything else on the server in the window counts too.
 */
record ServerCounters(long questions, long commits) {

    private static final String URL = "jdbc:mysql://" + System.getProperty("tongban.test.mysql-host", "127.0.0.1:3306")
            + "/?useSSL=false&allowPublicKeyRetrieval=true";

    /** One connection for all readings, so connection set-up statements never fall into a window. */
    private static Connection connection;

    /** The counters now, or null on H2. */
    static synchronized ServerCounters read() {
        if (!TestDatabase.MYSQL) {
            return null;
        }
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(URL, System.getProperty("tongban.test.mysql-user", "root"),
                        System.getProperty("tongban.test.mysql-password", ""));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (var s = connection.createStatement();
                var rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')")) {
            long questions = 0;
            long commits = 0;
            while (rs.next()) {
                if ("Questions".equalsIgnoreCase(rs.getString(1))) {
                    questions = rs.getLong(2);
                } else {
                    commits = rs.getLong(2);
                }
            }
            return new ServerCounters(questions, commits);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts from {@code before} to this reading, without the one SHOW statement that took this reading. */
    ServerCounters since(ServerCounters before) {
        return new ServerCounters(questions - before.questions - 1, commits - before.commits);
    }

    ServerCounters plus(ServerCounters other) {
        return new ServerCounters(questions + other.questions, commits + other.commits);
    }
}
