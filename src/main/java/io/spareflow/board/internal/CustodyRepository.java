package io.spareflow.board.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustodyRepository extends JpaRepository<CustodyEntity, Long> {

    List<CustodyEntity> findByBoardIdOrderByMovedAtAscIdAsc(long boardId);
}
