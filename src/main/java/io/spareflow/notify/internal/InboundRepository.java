package io.spareflow.notify.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundRepository extends JpaRepository<InboundRecord, Long> {

    boolean existsByMessageKey(String messageKey);

    Optional<InboundRecord> findByMessageKey(String messageKey);
}
