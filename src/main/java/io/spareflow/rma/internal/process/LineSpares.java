package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.CaseEntity;
import io.spareflow.rma.internal.CaseLookup;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareNeed;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.tier.ServiceTiers;
import org.springframework.stereotype.Component;

/**
 * Sources the spare of a case's line, first or again: an advance exchange, or — in a repair-and-return case, whose
 * lines get a spare only when their board is beyond repair — the board's replacement.
 */
@Component
class LineSpares {

    private final CaseLookup lookup;
    private final SpareSourcing sourcing;
    private final ServiceTiers tiers;

    LineSpares(CaseLookup lookup, SpareSourcing sourcing, ServiceTiers tiers) {
        this.lookup = lookup;
        this.sourcing = sourcing;
        this.tiers = tiers;
    }

    ReservationOutcome reserve(String caseNumber, int line) {
        CaseEntity entity = lookup.require(caseNumber);
        SpareNeed need = tiers.require(entity.tier()).advanceExchange() ? SpareNeed.ADVANCE_EXCHANGE : SpareNeed.REPLACEMENT;
        return sourcing.reserve(entity.line(line).partNumber(), entity.siteId(), entity.number(), line, need);
    }
}
