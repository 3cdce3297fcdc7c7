package io.spareflow.sourcing.internal;

import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.part.PartInfo;
import io.spareflow.part.PartNumber;
import io.spareflow.part.Parts;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The master data a quote or a reservation reads besides the stock — the part and its replacements, the site, the tier
 * of its customer's contract in force, the tier, the roads to the site, the depots — kept in memory while none of it
 * changes on any node. Each call reads the one row of {@code sourcing_master_version} (V230), which every transaction
 * writing those tables raises as it commits, and starts afresh when the number moved (or the day did: contracts run
 * by date). Read per call, they were two thirds of a quote's CPU in ten read-only transactions (docs/performance.md).
 */
@Component
class MasterData {

    private final JdbcTemplate jdbc;
    private final Parts parts;
    private final Customers customers;
    private final ServiceTiers tiers;
    private final EtaModel eta;
    private final Clock clock;
    private volatile Kept kept;
    private volatile boolean keeping = true;

    MasterData(JdbcTemplate jdbc, Parts parts, Customers customers, ServiceTiers tiers, EtaModel eta, Clock clock) {
        this.jdbc = jdbc;
        this.parts = parts;
        this.customers = customers;
        this.tiers = tiers;
        this.eta = eta;
        this.clock = clock;
    }

    /** The master data as of one version and day, each value read when first asked for; what is not found is not kept. */
    final class Kept {

        private final long version;
        private final LocalDate day;
        private final Map<String, PartInfo> partsByNumber = new ConcurrentHashMap<>();
        private final Map<String, List<String>> replacements = new ConcurrentHashMap<>();
        private final Map<Long, SiteInfo> sites = new ConcurrentHashMap<>();
        private final Map<String, Optional<String>> contractTiers = new ConcurrentHashMap<>();
        private final Map<String, ServiceTier> tiersByName = new ConcurrentHashMap<>();
        private final Map<Long, RoadConditions> roads = new ConcurrentHashMap<>();

        private Kept(long version, LocalDate day) {
            this.version = version;
            this.day = day;
        }

        /** The number of {@code sourcing_master_version} these values are valid for. */
        long version() {
            return version;
        }

        /** The part; one that is not found (or no part number at all) is not kept. */
        PartInfo part(String partNumber) {
            return canonical(partNumber).map(number -> partsByNumber.computeIfAbsent(number, parts::require))
                    .orElseGet(() -> parts.require(partNumber));
        }

        /** {@link Parts#replacementsFor}: the part itself first, then the parts superseding it. */
        List<String> replacementsFor(String partNumber) {
            return canonical(partNumber).map(number -> replacements.computeIfAbsent(number,
                    n -> List.copyOf(parts.replacementsFor(n)))).orElseGet(() -> parts.replacementsFor(partNumber));
        }

        SiteInfo site(long siteId) {
            return sites.computeIfAbsent(siteId, customers::requireSite);
        }

        /** The tier of the customer's contract in force today, or empty when it has none. */
        Optional<String> contractTierOf(String customerCode) {
            return contractTiers.computeIfAbsent(customerCode, customers::tierOf);
        }

        /** The tier of that name; an unknown name is not kept (it comes from requests). */
        Optional<ServiceTier> tier(String name) {
            if (name == null) {
                return Optional.empty();
            }
            String key = name.trim().toUpperCase(Locale.ROOT);
            ServiceTier known = tiersByName.get(key);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<ServiceTier> found = tiers.find(key);
            found.ifPresent(tier -> tiersByName.put(key, tier));
            return found;
        }

        /** {@link EtaModel#roadsTo}: the site's road override, or the defaults. */
        RoadConditions roadsTo(SiteInfo site) {
            return roads.computeIfAbsent(site.id(), id -> eta.roadsTo(site));
        }

        /** A part number as the catalogue spells it, so each part is kept once however it was typed. */
        private static Optional<String> canonical(String partNumber) {
            return PartNumber.tryParse(partNumber).map(PartNumber::value);
        }

        private boolean validFor(long currentVersion, LocalDate today) {
            return version == currentVersion && day.equals(today);
        }
    }

    /** The master data as it stands now: one row read, and the values kept since it last changed. */
    Kept now() {
        LocalDate today = LocalDate.now(clock);
        Kept current = kept;
        if (!keeping) {
            // The same-run baseline: every value read again, as before this class; the depots stay as loaded.
            return new Kept(current == null ? version() : current.version, today);
        }
        long version = version();
        if (current == null || !current.validFor(version, today)) {
            current = new Kept(version, today);
            kept = current;
        }
        return current;
    }

    /** Off: every call reads the master data again (how quotes read it before), for benchmarks' same-run baselines. */
    void keep(boolean on) {
        keeping = on;
    }

    private long version() {
        return jdbc.queryForObject("select version from sourcing_master_version", Long.class);
    }
}
