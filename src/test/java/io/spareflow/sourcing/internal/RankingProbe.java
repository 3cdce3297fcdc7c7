package io.spareflow.sourcing.internal;

import io.spareflow.common.TransactionLocks;
import io.spareflow.customer.SiteInfo;
import io.spareflow.tier.ServiceTier;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The ranking step of a quote on its own, both ways, for benchmarks outside this package: every depot with stock
 * scored and sorted (how quotes ranked before the distance pre-filter) and only the nearest ones (how they rank now).
 * Both read the stock first, as a quote does. Also switches {@link MasterData} off, and takes a reservation's line
 * lock both ways, for same-run baselines.
 */
public final class RankingProbe {

    private final QuoteEngine engine;
    private final DepotDirectory depots;
    private final EtaModel eta;
    private final SourcingProperties properties;
    private final MasterData masterData;
    private final CaseLineLock lineLock;
    private final TransactionLocks locks;
    private final SpareReservationRepository reservations;

    private RankingProbe(ApplicationContext context) {
        this.engine = context.getBean(QuoteEngine.class);
        this.depots = context.getBean(DepotDirectory.class);
        this.eta = context.getBean(EtaModel.class);
        this.properties = context.getBean(SourcingProperties.class);
        this.masterData = context.getBean(MasterData.class);
        this.lineLock = context.getBean(CaseLineLock.class);
        this.locks = context.getBean(TransactionLocks.class);
        this.reservations = context.getBean(SpareReservationRepository.class);
    }

    public static RankingProbe of(ApplicationContext context) {
        return new RankingProbe(context);
    }

    /**
     * Whether quotes and reservations keep the master data between calls ({@link MasterData}; on unless switched off):
     * off, each reads it again as before, for a baseline alternated call by call in the same run.
     */
    public void keepMasterData(boolean on) {
        masterData.keep(on);
    }

    /**
     * A reservation's first step, the line's lock and its open-request check, in the caller's transaction: as now (one
     * statement, V160) or as before it (the advisory lock, then the line's open request by a JPQL query), for a
     * baseline alternated call by call in the same run. True when the line holds an open request.
     */
    public boolean lockLine(String caseNumber, int line, boolean asBefore) {
        if (asBefore) {
            locks.lock("spare-case", caseNumber + "/" + line);
            return reservations.findOpenOfLine(caseNumber, line).isPresent();
        }
        return lineLock.lockAndFindOpen(caseNumber, line).isPresent();
    }

    /** Ranks every depot with stock; the number ranked. */
    public int everyDepot(List<String> compatibleParts, SiteInfo site, ServiceTier tier) {
        DepotDirectory.Snapshot directory = depots.as(masterData.now());
        return engine.everyDepotRanked(directory, engine.stockAt(directory, compatibleParts), destination(site), tier).size();
    }

    /** Ranks the nearest depots, as many as a quote shows; the number ranked. */
    public int nearest(List<String> compatibleParts, SiteInfo site, ServiceTier tier) {
        DepotDirectory.Snapshot directory = depots.as(masterData.now());
        return engine.nearestRanked(directory, engine.stockAt(directory, compatibleParts), destination(site), tier,
                properties.candidatesShown()).size();
    }

    private Destination destination(SiteInfo site) {
        return new Destination(site.id(), site.name(), site.customerCode(), site.latitude(), site.longitude(),
                eta.roadsTo(site));
    }
}
