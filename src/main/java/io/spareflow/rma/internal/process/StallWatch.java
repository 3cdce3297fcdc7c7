package io.spareflow.rma.internal.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.common.Message;
import io.spareflow.rma.StalledStep;
import io.spareflow.rma.internal.CaseDeadlines;
import io.spareflow.rma.internal.CaseRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the stall audit over the open cases, now (for the API) and every few minutes: a violation seen for the first
 * time is stored in {@code case_stall}, recorded on the case's timeline and escalated, once; one that is gone is
 * cleared, so a later recurrence is new again. One node runs the job at a time (ShedLock); the open row's unique
 * index still makes a concurrent API-triggered audit harmless: only the insert that wins records and escalates.
 */
@Component
public class StallWatch {

    private static final Logger log = LoggerFactory.getLogger(StallWatch.class);

    private final StallAudit audit;
    private final CaseRepository cases;
    private final CaseDeadlines deadlines;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;

    StallWatch(StallAudit audit, CaseRepository cases, CaseDeadlines deadlines, JdbcTemplate jdbc,
               TransactionTemplate transactions, Clock clock, ObjectMapper json) {
        this.json = json;
        this.audit = audit;
        this.cases = cases;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The stalled steps of all open cases, and of cancelled ones waiting for their spare back, as things stand now. */
    public List<StalledStep> current() {
        List<String> waiting = new ArrayList<>(cases.findOpenNumbers());
        waiting.addAll(cases.findAwaitingReturnedSpare());
        return audit.audit(waiting);
    }

    @Scheduled(fixedDelayString = "${spareflow.cases.stall-audit-interval:PT5M}",
            initialDelayString = "${spareflow.cases.stall-audit-interval:PT5M}")
    @SchedulerLock(name = "case-stall-audit")
    public void recordNew() {
        List<StalledStep> found = current();
        Timestamp now = Timestamp.from(clock.instant());
        for (StalledStep stall : found) {
            try {
                transactions.executeWithoutResult(status -> {
                    int inserted = jdbc.update("""
                            insert into case_stall (case_number, step, expected, actual, expected_key, expected_args,
                                                    actual_key, actual_args, found_at)
                            values (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
                            on conflict (case_number, step) where cleared_at is null do nothing""",
                            stall.caseNumber(), stall.step(), stall.expected(), stall.actual(), stall.need().key(),
                            arguments(stall.need()), stall.instead().key(), arguments(stall.instead()), now);
                    if (inserted == 1) {
                        deadlines.stalled(stall);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Stall of case {} at {} could not be recorded, will retry: {}", stall.caseNumber(), stall.step(), e.toString());
            }
        }
        clearGone(found, now);
    }

    /** A message's arguments as a JSON array of texts, for the monitoring center to word them for its reader. */
    private String arguments(Message message) {
        try {
            return json.writeValueAsString(message.args().stream().map(String::valueOf).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("arguments of " + message.key() + " cannot be written", e);
        }
    }

    private void clearGone(List<StalledStep> found, Timestamp now) {
        List<String> open = jdbc.queryForList("select case_number || ' ' || step from case_stall where cleared_at is null", String.class);
        List<String> still = found.stream().map(s -> s.caseNumber() + " " + s.step()).toList();
        for (String key : open) {
            if (!still.contains(key)) {
                int space = key.indexOf(' ');
                jdbc.update("update case_stall set cleared_at = ? where case_number = ? and step = ? and cleared_at is null",
                        now, key.substring(0, space), key.substring(space + 1));
            }
        }
    }
}
