package io.spareflow.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SpareflowIntegrationTest
class ScanIdsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScanIds running;

    @Test
    void nodesTakingIdsInBlocksNeverHandOutTheSameId() {
        ScanIds otherNode = new ScanIds(jdbc);
        Set<Long> ids = new HashSet<>();
        int perNode = ScanIds.BLOCK * 2 + 7;

        IntStream.range(0, perNode).forEach(i -> {
            ids.add(running.next());
            ids.add(otherNode.next());
        });

        assertThat(ids).hasSize(2 * perNode).allSatisfy(id -> assertThat(id).isPositive());
        Long recorded = jdbc.queryForObject("select coalesce(max(id), 0) from scan_event", Long.class);
        assertThat(ids).allSatisfy(id -> assertThat(id).isGreaterThan(recorded));
    }
}
