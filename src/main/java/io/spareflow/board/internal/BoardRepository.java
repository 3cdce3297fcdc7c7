package io.spareflow.board.internal;

import io.spareflow.board.BoardStatus;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface BoardRepository extends JpaRepository<BoardEntity, Long> {

    Optional<BoardEntity> findBySerial(String serial);

    /** Row lock: concurrent moves of one board are serialized, so both cannot succeed from the same state. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from BoardEntity b where b.serial = ?1")
    Optional<BoardEntity> lockBySerial(String serial);

    /**
     * Row lock on the oldest AVAILABLE board of a part at a location that no other transaction holds locked (in id
     * order from board_available_claim_idx, V151): concurrent claims get different boards and never wait.
     */
    @Query(value = """
            select * from board where part_number = ?1 and status = 'AVAILABLE' and location_code = ?2
            order by id limit 1 for update skip locked""", nativeQuery = true)
    Optional<BoardEntity> claimAvailable(String partNumber, String locationCode);

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
