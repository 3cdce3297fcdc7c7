package io.spareflow.rma.internal;

import io.spareflow.common.CaseNumber;
import io.spareflow.sourcing.SpareDemand;
import io.spareflow.sourcing.SpareDemands;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells sourcing which cases wait for a spare now, and who answers for them. */
@Component
@Transactional(readOnly = true)
class CaseSpareDemands implements SpareDemands {

    private final CaseRepository cases;

    CaseSpareDemands(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Optional<SpareDemand> of(String caseNumber) {
        return CaseNumber.tryParse(caseNumber).flatMap(number -> cases.findByNumber(number.value()))
                .map(c -> new SpareDemand(c.number(), c.state().name(), c.firstOwner(), c.siteId(),
                        c.partsAwaited()));
    }
}
