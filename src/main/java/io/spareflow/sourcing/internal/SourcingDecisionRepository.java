package io.spareflow.sourcing.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SourcingDecisionRepository extends JpaRepository<SourcingDecisionEntity, Long> {

    List<SourcingDecisionEntity> findByCaseNumberOrderByMadeAtAscIdAsc(String caseNumber);
}
