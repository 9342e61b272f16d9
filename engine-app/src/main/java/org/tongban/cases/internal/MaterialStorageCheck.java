package org.tongban.cases.internal;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * On MySQL/MariaDB a material is one statement carrying the file hex-encoded (about twice its size), and the
 * server refuses statements over {@code max_allowed_packet} (16 MB by default on MariaDB, 64 MB on MySQL 8):
 * with a 10 MB file limit the server needs at least 2 × 10 MB + 1 MB. Says so at start-up instead of failing the
 * first large upload (docs/operations.md).
 */
@Component
class MaterialStorageCheck {

    private static final Logger log = LoggerFactory.getLogger(MaterialStorageCheck.class);

    private final DataSource dataSource;
    private final DataSize maxFileSize;

    MaterialStorageCheck(DataSource dataSource, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.dataSource = dataSource;
        this.maxFileSize = maxFileSize;
    }

    long neededPacketBytes() {
        return 2 * maxFileSize.toBytes() + DataSize.ofMegabytes(1).toBytes();
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        if (!"MySQL".equalsIgnoreCase(product) && !"MariaDB".equalsIgnoreCase(product)) {
            return;
        }
        Long packet = new JdbcTemplate(dataSource).queryForObject("SELECT @@max_allowed_packet", Long.class);
        if (packet != null && packet < neededPacketBytes()) {
            log.error("max_allowed_packet is {} bytes; materials up to {} need at least {} (SET GLOBAL max_allowed_packet = {} "
                    + "and max_allowed_packet in the server's configuration): larger uploads will fail. See docs/operations.md.",
                    packet, maxFileSize, neededPacketBytes(), DataSize.ofMegabytes(64).toBytes());
        }
    }
}
