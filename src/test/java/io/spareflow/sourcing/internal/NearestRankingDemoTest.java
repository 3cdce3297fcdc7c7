package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The distance pre-filter on the demo network: for every customer site (with its road conditions), every part and
 * every tier, a quote's ranking is the ranking of every depot with stock — the same choice, the same candidates shown,
 * the same count, and the same order further down, where a reservation walks when depots run dry.
 */
@SpareflowIntegrationTest
class NearestRankingDemoTest {

    @Autowired
    QuoteEngine engine;
    @Autowired
    Quotes quotes;
    @Autowired
    DepotDirectory depots;
    @Autowired
    EtaModel eta;
    @Autowired
    Customers customers;
    @Autowired
    Parts parts;
    @Autowired
    ServiceTiers tiers;
    @Autowired
    SourcingProperties properties;
    @Autowired
    MasterData masterData;

    @Test
    void everyQuoteOfTheDemoNetworkRanksAsEveryDepotRanked() {
        List<SiteInfo> sites = customers.all().stream().map(CustomerInfo::sites).flatMap(List::stream).toList();
        int compared = 0;
        int withStock = 0;
        for (SiteInfo site : sites) {
            Destination destination = new Destination(site.id(), site.name(), site.customerCode(), site.latitude(),
                    site.longitude(), eta.roadsTo(site));
            for (PartInfo part : parts.all()) {
                DepotDirectory.Snapshot directory = depots.as(masterData.now());
                QuoteEngine.DepotStock stock = engine.stockAt(directory, parts.replacementsFor(part.partNumber()));
                for (ServiceTier tier : tiers.all()) {
                    List<QuoteEngine.Scored> all = engine.everyDepotRanked(directory, stock, destination, tier);
                    for (int wanted : new int[]{1, properties.candidatesShown()}) {
                        assertThat(engine.nearestRanked(directory, stock, destination, tier, wanted))
                                .as("site %s, part %s, tier %s, first %d", site.id(), part.partNumber(), tier.name(), wanted)
                                .isEqualTo(all.subList(0, Math.min(wanted, all.size())));
                    }
                    List<Candidate> ranked = quotes.rankFor(part.partNumber(), site, tier, Instant.now()).candidates();
                    assertThat(ranked).extracting(Candidate::depotCode)
                            .as("site %s, part %s, tier %s", site.id(), part.partNumber(), tier.name())
                            .containsExactlyElementsOf(all.stream().map(s -> s.depot().code()).toList());
                    compared++;
                    withStock += all.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(withStock).as("rankings with at least one depot").isGreaterThan(compared / 2);
    }
}
