package io.spareflow.scan.internal;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ScanEventRepository extends JpaRepository<ScanEventEntity, Long> {

    @Query("""
            select s from ScanEventEntity s
            where (:location is null or s.locationCode = :location)
              and s.scannedAt >= :since
              and (:flaggedOnly = false or s.flagged = true)
            order by s.scannedAt desc, s.id desc""")
    Page<ScanEventEntity> search(String location, Instant since, boolean flaggedOnly, Pageable pageable);
}
