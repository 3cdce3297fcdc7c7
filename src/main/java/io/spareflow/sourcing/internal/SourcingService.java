package io.spareflow.sourcing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.board.Serial;
import io.spareflow.board.Stock;
import io.spareflow.common.CaseNumber;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.NotFoundException;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationCode;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SourcingDecision;
import io.spareflow.sourcing.SpareReserved;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sources spares: quotes, reservations of one concrete board (claimed with SKIP LOCKED, moved by {@link Boards#move}),
 * backorders served oldest first, releases, expiry and swaps, each decision recorded with the case.
 * <p>
 * Lock order, everywhere: the board row first, then the reservation row (a pick scan locks the board and then
 * updates the reservation), so a pick, a release and an expiry of the same reservation never deadlock.
 */
@Service
@Transactional(readOnly = true)
public class SourcingService implements SpareSourcing {

    static final String SYSTEM = "system";
    /** Board moves made by sourcing itself; a board leaving RESERVED by any other action closes its reservation. */
    static final Set<MoveReason> OWN_ACTIONS = EnumSet.of(MoveReason.RESERVE, MoveReason.RELEASE, MoveReason.EXPIRE, MoveReason.SWAP);
    private static final int MAX_REASON = 200;

    private final QuoteEngine quotes;
    private final EtaModel eta;
    private final Stock stock;
    private final Boards boards;
    private final Parts parts;
    private final DepotDirectory depots;
    private final Customers customers;
    private final ServiceTiers tiers;
    private final SpareReservationRepository reservations;
    private final SourcingDecisionRepository decisions;
    private final SourcingProperties properties;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final Clock clock;

    SourcingService(QuoteEngine quotes, EtaModel eta, Stock stock, Boards boards, Parts parts, DepotDirectory depots,
                    Customers customers, ServiceTiers tiers, SpareReservationRepository reservations,
                    SourcingDecisionRepository decisions, SourcingProperties properties, ApplicationEventPublisher events,
                    ObjectMapper json, JdbcTemplate jdbc, EntityManager entityManager, Clock clock) {
        this.quotes = quotes;
        this.eta = eta;
        this.stock = stock;
        this.boards = boards;
        this.parts = parts;
        this.depots = depots;
        this.customers = customers;
        this.tiers = tiers;
        this.reservations = reservations;
        this.decisions = decisions;
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- quotes

    /** Where a spare of {@code partNumber} would come from, for a site (tier from its contract unless given) or a point. */
    public SpareQuote quote(String partNumber, Long siteId, Double latitude, Double longitude, String tierName) {
        boolean point = latitude != null || longitude != null;
        if ((siteId != null) == point || (point && (latitude == null || longitude == null))) {
            throw new InvalidInputException("Give either siteId or both lat and lon, not both and not neither",
                    Map.of("siteId", "either siteId or lat and lon"));
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
                throw new InvalidInputException("A quote for coordinates needs a tier: one of " + tierNames(),
                        Map.of("tier", "required with lat and lon"));
            }
            tier = tierNamed(tierName);
        }
        return quotes.rank(part.partNumber(), destination, tier, clock.instant()).toQuote(properties.candidatesShown());
    }

    // ---------------------------------------------------------------- reservations

    /** A case's request as placed: {@code created} is false when the case already held it (a repeated request). */
    record Placed(ReservationView reservation, boolean created) {
    }

    @Override
    @Transactional
    public ReservationOutcome reserve(String partNumber, long siteId, String caseNumber) {
        return place(partNumber, siteId, caseNumber, SYSTEM).entity().toOutcome();
    }

    @Transactional
    Placed reserveFor(String partNumber, long siteId, String caseNumber, String actor) {
        PlacedEntity placed = place(partNumber, siteId, caseNumber, actor);
        return new Placed(placed.entity().toView(), placed.created());
    }

    private record PlacedEntity(SpareReservationEntity entity, boolean created) {
    }

    private PlacedEntity place(String partNumber, long siteId, String caseNumber, String actor) {
        String caseNo = CaseNumber.parse(caseNumber).value();
        PartInfo part = parts.require(partNumber);
        SiteInfo site = customers.requireSite(siteId);
        ServiceTier tier = contractTier(site);
        if (!tier.advanceExchange()) {
            throw new ConflictException("Customer " + site.customerCode() + " has tier " + tier.name()
                    + ", which is repair and return without advance exchange: no spare is reserved for its cases");
        }
        // Requests of one case are serialized, so a repeated or concurrent request never takes a second board.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "spare-case:" + caseNo);
        Optional<SpareReservationEntity> existing = reservations.findByCaseAndStatusIn(caseNo, ReservationStatus.OPEN);
        if (existing.isPresent()) {
            SpareReservationEntity held = existing.get();
            if (!held.getRequestedPart().equals(part.partNumber()) || held.getSiteId() != siteId) {
                throw new ConflictException("Case " + caseNo + " already holds request " + held.getId() + " ("
                        + held.getStatus() + ") for part " + held.getRequestedPart() + " at site " + held.getSiteId()
                        + "; release it before asking for part " + part.partNumber() + " at site " + siteId);
            }
            return new PlacedEntity(held, false);
        }
        Instant now = clock.instant();
        SpareReservationEntity request = reservations.saveAndFlush(
                new SpareReservationEntity(caseNo, part.partNumber(), siteId, tier.name(), now));
        QuoteEngine.Ranking ranking = quotes.rank(part.partNumber(), destinationOf(site), tier, now);
        if (!claimBest(request, ranking, DecisionKind.RESERVED, actor)) {
            record(request, DecisionKind.BACKORDER, actor, ranking, ranking.reasonFor(null, List.of()));
        }
        return new PlacedEntity(request, true);
    }

    /**
     * Walks down the ranking and reserves the first board it can lock; a depot whose boards are all taken by
     * concurrent requests is passed over. False (nothing changed) when no depot has a board left.
     */
    private boolean claimBest(SpareReservationEntity request, QuoteEngine.Ranking ranking, DecisionKind kind, String actor) {
        List<String> ranDry = new ArrayList<>();
        for (Candidate candidate : ranking.candidates()) {
            Optional<BoardInfo> claimed = stock.claimAvailable(ranking.compatibleParts(), candidate.depotCode());
            if (claimed.isEmpty()) {
                ranDry.add(candidate.depotCode());
                continue;
            }
            Instant now = ranking.at();
            boards.move(claimed.get().serial(), BoardStatus.RESERVED, candidate.depotCode(), null,
                    MoveContext.system(MoveReason.RESERVE, request.getCaseNumber(), "Reserved as the spare for case "
                            + request.getCaseNumber() + " (part " + request.getRequestedPart() + ")"));
            Instant expires = EtaModel.after(now, properties.reservationHold().toMinutes(), ranking.tier().calendar(),
                    depots.require(candidate.depotCode()));
            request.reserve(claimed.get(), candidate, now, expires);
            reservations.saveAndFlush(request);
            record(request, kind, actor, ranking, ranking.reasonFor(candidate, ranDry));
            return true;
        }
        return false;
    }

    ReservationView reservation(long id) {
        return requireReservation(id).toView();
    }

    @Override
    @Transactional
    public void release(String caseNumber, String reason) {
        reservations.findByCaseAndStatusIn(CaseNumber.parse(caseNumber).value(), ReservationStatus.OPEN)
                .ifPresent(r -> release(r.getId(), reason, SYSTEM));
    }

    /**
     * Releases a reservation (board back to AVAILABLE) or cancels a backorder. Releasing what is already released is
     * answered with its state; a picked board cannot be released this way.
     */
    @Transactional
    ReservationView release(long id, String reason, String actor) {
        String why = reason == null || reason.isBlank() ? "Released by " + actor : reason.trim();
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("The reason is " + why.length() + " characters long; at most " + MAX_REASON
                    + " are kept", Map.of("reason", "at most " + MAX_REASON + " characters"));
        }
        SpareReservationEntity released = close(id, ReservationStatus.RELEASED, why, actor);
        if (released.getStatus() == ReservationStatus.PICKED) {
            throw new ConflictException("Reservation " + id + " of case " + released.getCaseNumber() + " is already picked:"
                    + " board " + released.getSerial() + " left the shelf at " + released.getDepotCode()
                    + "; put it back by scanning it instead");
        }
        return released.toView();
    }

    /** Closes a reservation as released or expired, or cancels it if it is a backorder; returns it as it ends up. */
    private SpareReservationEntity close(long id, ReservationStatus closedAs, String reason, String actor) {
        SpareReservationEntity request = requireReservation(id);
        Instant now = clock.instant();
        if (request.getStatus() == ReservationStatus.BACKORDER) {
            boolean cancelled = reservations.cancelBackorder(id, reason, now) == 1;
            entityManager.refresh(request);
            if (cancelled) {
                record(request, DecisionKind.CANCELLED, actor, null, "Backorder cancelled: " + reason);
                return request;
            }
        }
        if (request.getStatus() != ReservationStatus.RESERVED) {
            return request;
        }
        stock.lock(request.getSerial());
        entityManager.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != ReservationStatus.RESERVED) {
            return request;
        }
        boolean expiring = closedAs == ReservationStatus.EXPIRED;
        boards.move(request.getSerial(), BoardStatus.AVAILABLE, request.getDepotCode(), null,
                MoveContext.system(expiring ? MoveReason.EXPIRE : MoveReason.RELEASE, request.getCaseNumber(), reason));
        request.close(closedAs, reason, now);
        reservations.saveAndFlush(request);
        record(request, expiring ? DecisionKind.EXPIRED : DecisionKind.RELEASED, actor, null,
                (expiring ? "Expired: " : "Released: ") + reason + "; board " + request.getSerial() + " is AVAILABLE again at "
                        + request.getDepotCode());
        return request;
    }

    /** Reservations not picked by their due time: each released in its own transaction, by whichever node gets it. */
    List<Long> overdueReservations(int max) {
        return reservations.findExpiredIds(clock.instant(), PageRequest.of(0, max));
    }

    @Transactional
    void expire(long id) {
        close(id, ReservationStatus.EXPIRED, "not picked within " + properties.reservationHold().toMinutes()
                + " min of the tier's calendar at the depot", SYSTEM);
    }

    @Override
    @Transactional
    public ReservationOutcome swap(String caseNumber, String newSerial, String username) {
        SpareReservationEntity request = reservations.findByCaseAndStatusIn(CaseNumber.parse(caseNumber).value(), ReservationStatus.OPEN)
                .orElseThrow(() -> new NotFoundException("Open reservation of case", caseNumber));
        return swap(request, newSerial, username).toOutcome();
    }

    @Transactional
    ReservationView swap(long id, String newSerial, String username) {
        return swap(requireReservation(id), newSerial, username).toView();
    }

    private SpareReservationEntity swap(SpareReservationEntity request, String newSerial, String username) {
        String serial = Serial.parse(newSerial).value();
        if (request.getStatus() != ReservationStatus.RESERVED) {
            throw new ConflictException("Reservation " + request.getId() + " of case " + request.getCaseNumber() + " is "
                    + request.getStatus() + ": only a RESERVED board can be swapped");
        }
        String reserved = request.getSerial();
        if (serial.equals(reserved)) {
            return request;
        }
        // Both boards locked in serial order, so two swaps crossing each other cannot deadlock.
        Map<String, BoardInfo> locked = new HashMap<>();
        Stream.of(reserved, serial).sorted().forEach(s -> locked.put(s, stock.lock(s)
                .orElseThrow(() -> new NotFoundException("Board", s))));
        entityManager.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != ReservationStatus.RESERVED || !reserved.equals(request.getSerial())) {
            throw new ConflictException("Reservation " + request.getId() + " changed while swapping (now "
                    + request.getStatus() + ", board " + request.getSerial() + "); nothing was swapped, try again");
        }
        BoardInfo replacement = locked.get(serial);
        List<String> compatible = parts.replacementsFor(request.getRequestedPart());
        if (replacement.status() != BoardStatus.AVAILABLE || !request.getDepotCode().equals(replacement.locationCode())) {
            throw new ConflictException("Board " + serial + " is " + replacement.status() + " at "
                    + (replacement.locationCode() == null ? "a customer site" : replacement.locationCode())
                    + "; only an AVAILABLE board at depot " + request.getDepotCode() + " can replace reserved board " + reserved);
        }
        if (!compatible.contains(replacement.partNumber())) {
            throw new ConflictException("Board " + serial + " is part " + replacement.partNumber() + ", which cannot replace part "
                    + request.getRequestedPart() + " of case " + request.getCaseNumber() + "; compatible parts: " + compatible);
        }
        String note = "Swap at pick for case " + request.getCaseNumber() + ": " + serial + " replaces " + reserved;
        MoveContext context = new MoveContext(MoveReason.SWAP, username, null, null, request.getCaseNumber(), null, note);
        boards.move(serial, BoardStatus.RESERVED, request.getDepotCode(), null, context);
        boards.move(reserved, BoardStatus.AVAILABLE, request.getDepotCode(), null, context);
        request.swapTo(replacement);
        reservations.saveAndFlush(request);
        record(request, DecisionKind.SWAPPED, username, null, note);
        return request;
    }

    // ---------------------------------------------------------------- backorders and board moves

    /** The open backorders that a board of {@code arrivedPart} can serve, oldest first. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    List<Long> backordersServableBy(String arrivedPart) {
        Map<String, PartInfo> catalogue = parts.all().stream()
                .collect(Collectors.toMap(PartInfo::partNumber, p -> p, (a, b) -> a, LinkedHashMap::new));
        List<String> servable = catalogue.values().stream()
                .filter(p -> chainOf(p, catalogue).contains(arrivedPart))
                .map(PartInfo::partNumber).toList();
        return servable.isEmpty() ? List.of() : reservations.findBackorderIds(servable);
    }

    /**
     * The open backorders for which compatible AVAILABLE stock exists now, oldest first: the safety net for stock that
     * appeared without a {@link BoardMoved} to AVAILABLE being handled (registered as AVAILABLE, or a crash between
     * a move's commit and its listener).
     */
    List<Long> backordersWithStock() {
        List<String> servable = reservations.findBackorderedParts().stream()
                .filter(part -> !stock.availableByLocation(parts.replacementsFor(part)).isEmpty())
                .toList();
        return servable.isEmpty() ? List.of() : reservations.findBackorderIds(servable);
    }

    /**
     * Serves one backorder if stock can be claimed for it now; skipped when another node is serving it. In a new
     * transaction: it runs after the commit of the move that made the stock AVAILABLE.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean serveBackorder(long id) {
        Optional<SpareReservationEntity> locked = reservations.lockBackorder(id);
        if (locked.isEmpty()) {
            return false;
        }
        SpareReservationEntity request = locked.get();
        SiteInfo site = customers.requireSite(request.getSiteId());
        ServiceTier tier = tiers.require(request.getTier());
        QuoteEngine.Ranking ranking = quotes.rank(request.getRequestedPart(), destinationOf(site), tier, clock.instant());
        if (!claimBest(request, ranking, DecisionKind.BACKORDER_SERVED, SYSTEM)) {
            return false;
        }
        events.publishEvent(new SpareReserved(request.toOutcome()));
        return true;
    }

    /** A reserved board left RESERVED by a scan or another feature: picked, or the reservation is void. */
    @Transactional
    void boardLeftReserved(BoardMoved moved) {
        reservations.findBySerialAndStatus(moved.serial(), ReservationStatus.RESERVED).ifPresent(request -> {
            String by = moved.context() == null ? SYSTEM : moved.context().username();
            String action = moved.context() == null ? "a move" : moved.context().action().name();
            if (moved.to() == BoardStatus.PICKED) {
                request.picked("Picked by " + by + " at " + moved.locationCode(), moved.at());
                return;
            }
            String reason = "Board " + moved.serial() + " became " + moved.to() + " (" + action + " by " + by + ")";
            request.close(ReservationStatus.RELEASED, reason, moved.at());
            record(request, DecisionKind.RELEASED, by, null, reason + ": the reservation is void; source the case again");
        });
    }

    /** Why a depot must pick another board: an open reservation at it for a part this board could also serve. */
    Optional<String> wrongBoardAtPick(BoardInfo board, String depotCode) {
        List<SpareReservationEntity> open = reservations.findByDepotCodeAndStatusOrderByReservedAt(
                LocationCode.tryParse(depotCode).map(LocationCode::value).orElse(""), ReservationStatus.RESERVED);
        if (open.stream().anyMatch(r -> r.getSerial().equals(board.serial()))) {
            return Optional.empty();
        }
        Map<String, List<String>> compatibleByPart = new HashMap<>();
        return open.stream()
                .filter(r -> compatibleByPart.computeIfAbsent(r.getRequestedPart(), parts::replacementsFor)
                        .contains(board.partNumber()))
                .findFirst()
                .map(r -> "Wrong board: this depot must pick serial " + r.getSerial() + " for case " + r.getCaseNumber()
                        + " (part " + r.getBoardPart() + ")");
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReservationOutcome> picksAt(String depotCode) {
        return reservations.findByDepotCodeAndStatusOrderByReservedAt(LocationCode.parse(depotCode).value(),
                ReservationStatus.RESERVED).stream().map(SpareReservationEntity::toOutcome).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SourcingDecision> decisionsOf(String caseNumber) {
        return decisionViews(caseNumber).stream()
                .map(d -> new SourcingDecision(d.kind().name(), d.madeAt(), d.madeBy(), d.tier(), d.limitMinutes(),
                        d.chosenDepot(), d.chosenSerial(), d.reason(), d.candidatesTotal(),
                        json.convertValue(d.candidates(), new TypeReference<List<SourcingDecision.Candidate>>() { })))
                .toList();
    }

    List<DecisionView> decisions(String caseNumber) {
        List<DecisionView> found = decisionViews(caseNumber);
        if (found.isEmpty()) {
            throw new NotFoundException("Sourcing decisions of case", caseNumber);
        }
        return found;
    }

    private List<DecisionView> decisionViews(String caseNumber) {
        return decisions.findByCaseNumberOrderByMadeAtAscIdAsc(CaseNumber.parse(caseNumber).value()).stream()
                .map(d -> d.toView(json)).toList();
    }

    // ---------------------------------------------------------------- helpers

    private void record(SpareReservationEntity request, DecisionKind kind, String actor, QuoteEngine.Ranking ranking,
                        String reason) {
        List<Candidate> considered = ranking == null ? List.of()
                : ranking.candidates().subList(0, Math.min(properties.candidatesShown(), ranking.candidates().size()));
        try {
            decisions.save(new SourcingDecisionEntity(request, kind, clock.instant(), actor,
                    ranking == null ? null : ranking.limitMinutes(), reason,
                    ranking == null ? 0 : ranking.candidates().size(), json.writeValueAsString(considered)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Candidates of case " + request.getCaseNumber() + " cannot be written as JSON", e);
        }
    }

    private Destination destinationOf(SiteInfo site) {
        return new Destination(site.id(), site.name(), site.customerCode(), site.latitude(), site.longitude(),
                eta.roadsTo(site));
    }

    private ServiceTier contractTier(SiteInfo site) {
        String tier = customers.tierOf(site.customerCode()).orElseThrow(() -> new ConflictException("Customer "
                + site.customerCode() + " of site " + site.id() + " has no service contract in force, so no tier"));
        return tiers.require(tier);
    }

    private ServiceTier tierNamed(String name) {
        return tiers.find(name).orElseThrow(() -> new InvalidInputException("'" + name + "' is not a service tier: expected one of "
                + tierNames(), Map.of("tier", "one of " + tierNames())));
    }

    private List<String> tierNames() {
        return tiers.all().stream().map(ServiceTier::name).toList();
    }

    private SpareReservationEntity requireReservation(long id) {
        return reservations.findById(id).orElseThrow(() -> new NotFoundException("Reservation", id));
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
