package io.spareflow.notify.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByCaseNumberOrderByCreatedAtAscIdAsc(String caseNumber);

    boolean existsByDedupeKey(String dedupeKey);

    /** Due messages, locked so that several nodes never send the same one; others skip locked rows. */
    @Query(value = """
            SELECT * FROM mail_outbox
            WHERE status = 'PENDING' AND next_attempt_at <= ?1
            ORDER BY next_attempt_at, id
            LIMIT ?2
            FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<OutboxMessage> lockDue(Instant now, int limit);
}
