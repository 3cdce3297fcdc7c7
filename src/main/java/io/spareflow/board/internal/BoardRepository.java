package io.spareflow.board.internal;

import io.spareflow.board.BoardStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BoardRepository extends JpaRepository<BoardEntity, Long> {

    Optional<BoardEntity> findBySerial(String serial);

    @Query("""
            select b from BoardEntity b
            where (:location is null or b.locationCode = :location)
              and (:part is null or b.partNumber = :part)
              and (:status is null or b.status = :status)
            order by b.serial""")
    Page<BoardEntity> search(String location, String part, BoardStatus status, Pageable pageable);

    long countByStatus(BoardStatus status);

    List<BoardEntity> findBySiteIdAndStatusOrderBySerial(Long siteId, BoardStatus status);
}
