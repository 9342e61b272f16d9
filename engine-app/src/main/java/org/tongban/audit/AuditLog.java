package org.tongban.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.internal.AuditMapper;

/**
 * Audit trail of actions outside a case's own history (deployments, licence downloads...). Written in
 * the caller's transaction, so an action and its audit record commit or roll back together.
 */
@Service
public class AuditLog {

    public record AuditEvent(long id, Instant occurredAt, String actor, String action, String subject, String detail) {
    }

    private final AuditMapper mapper;

    AuditLog(AuditMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subject, String detail) {
        mapper.insert(Instant.now(), actor, action, subject, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
    }

    public List<AuditEvent> latest(int limit) {
        return mapper.latest(Math.max(1, Math.min(limit, 500)));
    }
}
