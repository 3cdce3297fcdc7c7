package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardMoved;
import io.spareflow.board.Stock;
import io.spareflow.customer.Customers;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.sourcing.SpareReserved;
import io.spareflow.tier.ServiceTiers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Cases waiting for stock, served oldest first when a compatible board appears; {@link SpareReserved} tells the case. */
@Service
class Backorders {

    private final Reservations reservations;
    private final Quotes quotes;
    private final Stock stock;
    private final Parts parts;
    private final Customers customers;
    private final ServiceTiers tiers;
    private final SpareReservationRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Backorders(Reservations reservations, Quotes quotes, Stock stock, Parts parts, Customers customers,
               ServiceTiers tiers, SpareReservationRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.reservations = reservations;
        this.quotes = quotes;
        this.stock = stock;
        this.parts = parts;
        this.customers = customers;
        this.tiers = tiers;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The open backorders that a board of {@code arrivedPart} can serve, oldest first. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    List<Long> servableBy(String arrivedPart) {
        Map<String, PartInfo> catalogue = parts.all().stream()
                .collect(Collectors.toMap(PartInfo::partNumber, p -> p, (a, b) -> a, LinkedHashMap::new));
        List<String> servable = catalogue.values().stream()
                .filter(p -> chainOf(p, catalogue).contains(arrivedPart))
                .map(PartInfo::partNumber).toList();
        return servable.isEmpty() ? List.of() : repository.findBackorderIds(servable);
    }

    /**
     * The open backorders for which compatible AVAILABLE stock exists now, oldest first: the safety net for stock that
     * appeared without a {@link BoardMoved} to AVAILABLE being handled (registered as AVAILABLE, or a crash between
     * a move's commit and its listener).
     */
    @Transactional(readOnly = true)
    List<Long> withStock() {
        List<String> servable = repository.findBackorderedParts().stream()
                .filter(part -> !stock.availableByLocation(parts.replacementsFor(part)).isEmpty())
                .toList();
        return servable.isEmpty() ? List.of() : repository.findBackorderIds(servable);
    }

    /**
     * Serves one backorder if stock can be claimed for it now; skipped when another node is serving it. In a new
     * transaction: it runs after the commit of the move that made the stock AVAILABLE.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean serve(long id) {
        Optional<SpareReservationEntity> locked = repository.lockBackorder(id);
        if (locked.isEmpty()) {
            return false;
        }
        SpareReservationEntity request = locked.get();
        QuoteEngine.Ranking ranking = quotes.rankFor(request.getRequestedPart(), customers.requireSite(request.getSiteId()),
                tiers.require(request.getTier()), clock.instant());
        if (!reservations.claimBest(request, ranking, DecisionKind.BACKORDER_SERVED, Reservations.SYSTEM)) {
            return false;
        }
        events.publishEvent(new SpareReserved(request.toOutcome()));
        return true;
    }

    private static List<String> chainOf(PartInfo part, Map<String, PartInfo> catalogue) {
        List<String> chain = new ArrayList<>();
        for (PartInfo p = part; p != null && !chain.contains(p.partNumber());
             p = p.supersededBy() == null ? null : catalogue.get(p.supersededBy())) {
            chain.add(p.partNumber());
        }
        return chain;
    }
}
