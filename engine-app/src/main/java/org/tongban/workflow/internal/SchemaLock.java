package org.tongban.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.flowable.common.engine.api.engine.EngineLifecycleListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one MySQL take turns creating or upgrading the engine's schema: a MySQL named lock
 * ({@code GET_LOCK}) is held from configuring the engine until it is built. Flowable's own schema lock
 * ({@code flowable.use-lock-for-database-schema-update}) reads the schema version before it takes its lock, so on an
 * empty database the second node finds the first one's tables without their version row and fails (seen in
 * TwoNodeKillIT). Not needed on H2, which is one node's embedded file.
 */
@Component
class SchemaLock implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration>, EngineLifecycleListener {

    static final String NAME = "tongban_engine_schema";
    private static final int WAIT_SECONDS = 600;

    private final DataSource dataSource;
    private Connection holder;

    SchemaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*")) {
                connection.close();
                return;
            }
            try (var lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, NAME);
                lock.setInt(2, WAIT_SECONDS);
                try (var result = lock.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        connection.close();
                        throw new IllegalStateException("another node held " + NAME + " for " + WAIT_SECONDS + " s");
                    }
                }
            }
            holder = connection; // a named lock lives as long as its connection: released when the engine is built
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the engine schema lock", e);
        }
        var listeners = engine.getEngineLifecycleListeners() == null
                ? new ArrayList<EngineLifecycleListener>() : new ArrayList<>(engine.getEngineLifecycleListeners());
        listeners.add(this);
        engine.setEngineLifecycleListeners(listeners);
    }

    @Override
    public void onEngineBuilt(org.flowable.common.engine.api.Engine engine) {
        release();
    }

    @Override
    public void onEngineClosed(org.flowable.common.engine.api.Engine engine) {
        release();
    }

    private synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; var unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, NAME);
            unlock.execute();
        } catch (SQLException e) {
            // closing the connection (done here either way) releases the lock too
        } finally {
            holder = null;
        }
    }
}
