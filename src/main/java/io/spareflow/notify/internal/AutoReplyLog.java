package io.spareflow.notify.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The automatic replies in the outbox (dedupe key {@value Outbox#REPLY_KEY_PREFIX}…): counted per recipient in the
 * database, so the limit holds across restarts and nodes.
 */
interface AutoReplyLog extends Repository<OutboxMessage, Long> {

    @Query("""
            select count(m) from OutboxMessage m
            where m.recipient = :recipient and m.dedupeKey like 'reply:%' and m.createdAt > :since""")
    long countSince(@Param("recipient") String recipient, @Param("since") Instant since);

    @Query("""
            select m from OutboxMessage m
            where m.messageId in :messageIds and m.recipient = :recipient and m.dedupeKey like 'reply:%'""")
    List<OutboxMessage> repliesAmong(@Param("messageIds") Collection<String> messageIds, @Param("recipient") String recipient);
}
