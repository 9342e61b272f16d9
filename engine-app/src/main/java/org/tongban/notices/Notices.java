package org.tongban.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.identity.Actor;
import org.tongban.notices.internal.NoticeMapper;
import org.tongban.shared.DomainException;

/** Urges and copies: sent inside the operation's transaction, listed and marked read by their recipients. */
@Service
public class Notices {

    /** How long after an urge the same person may urge the same case again. */
    public static final Duration URGE_INTERVAL = Duration.ofHours(1);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Notices.class);

    private final NoticeMapper mapper;
    private final org.springframework.beans.factory.ObjectProvider<NoticeChannel> channels;

    Notices(NoticeMapper mapper, org.springframework.beans.factory.ObjectProvider<NoticeChannel> channels) {
        this.mapper = mapper;
        this.channels = channels;
    }

    /** What a notice is about: the case (id for the record, number and item for the recipient's list). */
    public record About(long caseId, String caseNumber, String itemCode, String stepName) {
    }

    /** One notice per recipient (each once), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(NoticeKind kind, About about, Collection<String> recipients, Actor sender, String message, Instant at) {
        var deliveries = new java.util.ArrayList<NoticeChannel.Delivery>();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            mapper.insert(kind.name(), about.caseId(), about.caseNumber(), about.itemCode(), recipient, sender.username(),
                    sender.displayName(), about.stepName(), message, at);
            deliveries.add(new NoticeChannel.Delivery(kind, recipient, about.caseNumber(), about.itemCode(), about.stepName(),
                    sender.displayName(), message, at));
        }
        if (!deliveries.isEmpty() && channels.orderedStream().findAny().isPresent()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    channels.orderedStream().forEach(channel -> deliveries.forEach(d -> {
                        try {
                            channel.deliver(d);
                        } catch (RuntimeException e) {
                            LOG.warn("Notice channel {} failed for {}: {}", channel.getClass().getSimpleName(), d.recipient(), e.toString());
                        }
                    }));
                }
            });
        }
    }

    /**
     * Counts an urge of a case by this person: 409 {@code urge-too-soon} if they urged it less than an hour ago.
     * Two urges at the same moment meet on the key (case, urger, clock hour): one of them fails.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void countUrge(long caseId, String caseNumber, String urger, Instant at) {
        Instant last = mapper.lastUrge(caseId, urger);
        if (last != null && last.isAfter(at.minus(URGE_INTERVAL))) {
            throw DomainException.conflict("urge-too-soon", caseNumber, last.plus(URGE_INTERVAL));
        }
        try {
            mapper.insertUrge(caseId, urger, at.getEpochSecond() / 3600, at);
        } catch (DuplicateKeyException concurrent) {
            throw DomainException.conflict("urge-too-soon", caseNumber, at.plus(URGE_INTERVAL));
        }
    }

    /** Whether the case was copied to this user (who may then see it read-only). */
    public boolean copiedTo(long caseId, String username) {
        return mapper.countCopies(caseId, username) > 0;
    }

    /** My notices, newest first; {@code kind} and {@code unread} filter (null: all). */
    public NoticePage list(Actor user, NoticeKind kind, Boolean unread, int page, int size) {
        String k = kind == null ? null : kind.name();
        long total = mapper.count(user.username(), k, unread);
        List<Notice> items = total <= (long) page * size ? List.of()
                : mapper.page(user.username(), k, unread, page * size, size);
        return new NoticePage(items, page, size, total, Boolean.FALSE.equals(unread) ? 0 : mapper.count(user.username(), k, true));
    }

    /** Marks my notice read (once: the first time stays); 404 for anyone else's. */
    @Transactional
    public Notice markRead(Actor user, long id, NoticeKind kind) {
        Notice notice = mapper.byId(id);
        if (notice == null || !user.username().equals(mapper.recipientOf(id)) || (kind != null && notice.kind() != kind)) {
            throw DomainException.notFound("notice-not-found", id);
        }
        mapper.markRead(id, Instant.now());
        return mapper.byId(id);
    }
}
