package io.spareflow.sourcing.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
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
    private final Parts parts;
    private final Customers customers;
    private final ServiceTiers tiers;
    private final SourcingProperties properties;
    private final Clock clock;
    private final Texts texts;

    Quotes(QuoteEngine engine, EtaModel eta, Parts parts, Customers customers, ServiceTiers tiers,
           SourcingProperties properties, Clock clock, Texts texts) {
        this.engine = engine;
        this.eta = eta;
        this.parts = parts;
        this.customers = customers;
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
        PartInfo part = parts.require(partNumber);
        Destination destination;
        ServiceTier tier;
        if (siteId != null) {
            SiteInfo site = customers.requireSite(siteId);
            destination = destinationOf(site);
            tier = tierName == null ? contractTier(site) : tierNamed(tierName);
        } else {
            destination = new Destination(null, null, null, latitude, longitude, eta.defaultRoads());
            if (tierName == null) {
                throw new InvalidInputException(Message.of("errors.quote.tier", tierNames().toString()),
                        Map.of("tier", Message.of("errors.quote.tier.field")));
            }
            tier = tierNamed(tierName);
        }
        return engine.rank(part.partNumber(), destination, tier, clock.instant()).toQuote(properties.candidatesShown(), texts);
    }

    /** Every depot that could send {@code partNumber} to the site now, best first, under {@code tier}. */
    QuoteEngine.Ranking rankFor(String partNumber, SiteInfo site, ServiceTier tier, Instant at) {
        return engine.rank(partNumber, destinationOf(site), tier, at);
    }

    /** The tier of the site's contract in force; a site without one cannot be served. */
    ServiceTier contractTier(SiteInfo site) {
        String tier = customers.tierOf(site.customerCode()).orElseThrow(() -> new ConflictException(
                Message.of("errors.quote.noContract", site.customerCode(), String.valueOf(site.id()))));
        return tiers.require(tier);
    }

    private Destination destinationOf(SiteInfo site) {
        return new Destination(site.id(), site.name(), site.customerCode(), site.latitude(), site.longitude(),
                eta.roadsTo(site));
    }

    private ServiceTier tierNamed(String name) {
        return tiers.find(name).orElseThrow(() -> new InvalidInputException(
                Message.of("errors.quote.noSuchTier", name, tierNames().toString()), Map.of("tier", Message.of("errors.oneOf", tierNames().toString()))));
    }

    private List<String> tierNames() {
        return tiers.all().stream().map(ServiceTier::name).toList();
    }
}
