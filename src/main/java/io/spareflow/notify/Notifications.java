package io.spareflow.notify;

import io.spareflow.notify.internal.OutboxRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What was mailed about a case, with its delivery status. */
@Service
@Transactional(readOnly = true)
public class Notifications {

    private final OutboxRepository outbox;

    Notifications(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public List<MailRecord> forCase(String caseNumber) {
        return outbox.findByCaseNumberOrderByCreatedAtAscIdAsc(caseNumber).stream().map(m -> m.toRecord()).toList();
    }
}
