package io.spareflow.sourcing.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.common.Texts;
import io.spareflow.customer.SiteInfo;
import io.spareflow.part.PartInfo;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Where a spare would come from: the ranking of depots for a site (its contract tier) or a point. Reservations and
 * backorders rank the same way through {@link #rankFor}.
 */
@Service
public class Quotes {

    private final QuoteEngine engine;
    private final EtaModel eta;
    private final MasterData masterData;
    private final ServiceTiers tiers;
    private final SourcingProperties properties;
    private final Clock clock;
    private final Texts texts;

    Quotes(QuoteEngine engine, EtaModel eta, MasterData masterData, ServiceTiers tiers, SourcingProperties properties,
           Clock clock, Texts texts) {
        this.engine = engine;
        this.eta = eta;
        this.masterData = masterData;
        this.tiers = tiers;
        this.properties = properties;
        this.clock = clock;
        this.texts = texts;
    }

    /** Where a spare of {@code partNumber} would come from, for a site (tier from its contract unless given) or a point. */
    public SpareQuote quote(String partNumber, Long siteId, Double latitude, Double longitude, String tierName) {
        boolean point = latitude != null || longitude != null;
        if ((siteId != null) == point || (point && (latitude == null || longitude == null))) {
            throw new InvalidInputException(Message.of("errors.quote.destination"),
                    Map.of("siteId", Message.of("errors.quote.destination.field")));
        }
        MasterData.Kept master = masterData.now();
        PartInfo part = master.part(partNumber);
        Destination destination;
        ServiceTier tier;
        if (siteId != null) {
            SiteInfo site = master.site(siteId);
            destination = destinationOf(master, site);
            tier = tierName == null ? contractTier(master, site) : tierNamed(master, tierName);
        } else {
            destination = new Destination(null, null, null, latitude, longitude, eta.defaultRoads());
            if (tierName == null) {
                throw new InvalidInputException(Message.of("errors.quote.tier", tierNames().toString()),
                        Map.of("tier", Message.of("errors.quote.tier.field")));
            }
            tier = tierNamed(master, tierName);
        }
        return engine.rank(master, part.partNumber(), destination, tier, clock.instant())
                .toQuote(properties.candidatesShown(), texts);
    }

    /** Every depot that could send {@code partNumber} to the site now, best first, under {@code tier}. */
    QuoteEngine.Ranking rankFor(String partNumber, SiteInfo site, ServiceTier tier, Instant at) {
        return rankFor(masterData.now(), partNumber, site, tier, at);
    }

    /** {@link #rankFor(String, SiteInfo, ServiceTier, Instant)} with the master data as {@code master} has them. */
    QuoteEngine.Ranking rankFor(MasterData.Kept master, String partNumber, SiteInfo site, ServiceTier tier, Instant at) {
        return engine.rank(master, partNumber, destinationOf(master, site), tier, at);
    }

    /** The tier of the site's contract in force; a site without one cannot be served. */
    ServiceTier contractTier(MasterData.Kept master, SiteInfo site) {
        String tier = master.contractTierOf(site.customerCode()).orElseThrow(() -> new ConflictException(
                Message.of("errors.quote.noContract", site.customerCode(), String.valueOf(site.id()))));
        return master.tier(tier).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.tier"), tier));
    }

    private Destination destinationOf(MasterData.Kept master, SiteInfo site) {
        return new Destination(site.id(), site.name(), site.customerCode(), site.latitude(), site.longitude(),
                master.roadsTo(site));
    }

    private ServiceTier tierNamed(MasterData.Kept master, String name) {
        return master.tier(name).orElseThrow(() -> new InvalidInputException(
                Message.of("errors.quote.noSuchTier", name, tierNames().toString()), Map.of("tier", Message.of("errors.oneOf", tierNames().toString()))));
    }

    private List<String> tierNames() {
        return tiers.all().stream().map(ServiceTier::name).toList();
    }
}
