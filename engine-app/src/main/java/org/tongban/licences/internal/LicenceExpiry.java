package org.tongban.licences.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.tongban.audit.AuditLog;

/**
 * Expires licences at the end of their validity: every night (and at start-up) each valid licence whose last valid
 * day has passed becomes EXPIRED. Every node runs it; the conditional update lets exactly one of them move (and audit)
 * each licence, so it happens once across nodes. Verification shows a licence past its validity as expired even
 * before this runs.
 */
@Configuration
@EnableScheduling
public class LicenceExpiry {

    private static final Logger log = LoggerFactory.getLogger(LicenceExpiry.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LicenceMapper mapper;
    private final AuditLog audit;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    LicenceExpiry(LicenceMapper mapper, AuditLog audit, org.springframework.transaction.support.TransactionTemplate tx) {
        this.mapper = mapper;
        this.audit = audit;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        expire();
    }

    /** @return how many licences this node expired */
    @Scheduled(cron = "${tongban.licences.expiry-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    public int expire() {
        LocalDate today = LocalDate.now(CHINA);
        int expired = 0;
        List<LicenceMapper.LicenceRow> batch;
        // batches of at most 1000 until none is left: a province may see more expire in one night
        while (!(batch = mapper.validBefore(today)).isEmpty()) {
            expired += expire(batch);
        }
        if (expired > 0) {
            log.info("Licences: {} expired", expired);
        }
        return expired;
    }

    private int expire(List<LicenceMapper.LicenceRow> batch) {
        int expired = 0;
        for (LicenceMapper.LicenceRow row : batch) {
            boolean mine = Boolean.TRUE.equals(tx.execute(status -> { // the change and its audit record together
                if (mapper.expire(row.id) != 1) {
                    return false; // another node (or a revocation) took it first
                }
                audit.record("system", "LICENCE_EXPIRED", row.licenceNumber, "valid until " + row.validUntil);
                return true;
            }));
            if (mine) {
                expired++;
            }
        }
        return expired;
    }
}
