package io.spareflow.scan.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scan ids, taken from scan_event_seq a block at a time: a scan needs its id before it is applied (its board's custody
 * row and its answer name it), and asking the sequence for each one cost every scan a round trip to PostgreSQL. The
 * sequence counts in steps of {@link #BLOCK} (V170); each value it gives is the first of a block of ids this node
 * alone hands out, so ids are unique across nodes, and rise with time only within a node.
 */
@Component
public class ScanIds {

    static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private long next;
    private long end;

    ScanIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A scan id no scan has had. */
    public synchronized long next() {
        if (next == end) {
            next = jdbc.queryForObject("select nextval('scan_event_seq')", Long.class);
            end = next + BLOCK;
        }
        return next++;
    }
}
