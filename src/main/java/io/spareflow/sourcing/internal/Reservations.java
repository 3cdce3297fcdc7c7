package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.board.Stock;
import io.spareflow.common.CaseNumber;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationCode;
import io.spareflow.part.PartInfo;
import io.spareflow.sourcing.ReservationLost;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareNeed;
import io.spareflow.tier.ServiceTier;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's request for a spare from placing to its end: one concrete board claimed with SKIP LOCKED and moved by
 * {@link Boards#move}, or a backorder; released, expired, picked or voided when its board goes elsewhere.
 * <p>
 * Lock order, everywhere: the board row first, then the reservation row (a pick scan locks the board and then
 * updates the reservation), so a pick, a release and an expiry of the same reservation never deadlock.
 */
@Service
class Reservations {

    static final String SYSTEM = "system";
    /** Board moves made by sourcing itself; a board leaving RESERVED by any other action closes its reservation. */
    static final Set<MoveReason> OWN_ACTIONS = EnumSet.of(MoveReason.RESERVE, MoveReason.RELEASE, MoveReason.EXPIRE, MoveReason.SWAP);
    private static final int MAX_REASON = 200;

    private final Quotes quotes;
    private final Stock stock;
    private final Boards boards;
    private final MasterData masterData;
    private final SpareReservationRepository reservations;
    private final CaseLineLock lineLock;
    private final DecisionLog decisions;
    private final SourcingProperties properties;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reservations(Quotes quotes, Stock stock, Boards boards, MasterData masterData, SpareReservationRepository reservations,
                 CaseLineLock lineLock, DecisionLog decisions, SourcingProperties properties, EntityManager entityManager, ApplicationEventPublisher events, Clock clock) {
        this.quotes = quotes;
        this.stock = stock;
        this.boards = boards;
        this.masterData = masterData;
        this.reservations = reservations;
        this.lineLock = lineLock;
        this.decisions = decisions;
        this.properties = properties;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** A case's request as placed: {@code created} is false when the case already held it (a repeated request). */
    record Placed(SpareReservationEntity request, boolean created) {
    }

    /**
     * Reserves the best board for a line of the case, or puts it on backorder; a line that already holds a request for
     * the same part and site gets that one back. Requests of one line are serialized, so a repeat never takes a second
     * board. An advance-exchange spare needs a tier with advance exchange; a replacement of a board beyond repair does
     * not.
     */
    @Transactional
    Placed place(String partNumber, long siteId, String caseNumber, int line, SpareNeed need, String actor) {
        String caseNo = CaseNumber.parse(caseNumber).value();
        MasterData.Kept master = masterData.now();
        PartInfo part = master.part(partNumber);
        SiteInfo site = master.site(siteId);
        ServiceTier tier = quotes.contractTier(master, site);
        if (need == SpareNeed.ADVANCE_EXCHANGE && !tier.advanceExchange()) {
            throw new ConflictException(Message.of("errors.sourcing.noAdvanceExchange", site.customerCode(), tier.name()));
        }
        Optional<Long> existing = lineLock.lockAndFindOpen(caseNo, line);
        if (existing.isPresent()) {
            SpareReservationEntity held = require(existing.get());
            if (!held.getRequestedPart().equals(part.partNumber()) || held.getSiteId() != siteId) {
                throw new ConflictException(Message.of("errors.sourcing.lineHolds", line, caseNo, String.valueOf(held.getId()),
                        held.getStatus(), held.getRequestedPart(), String.valueOf(held.getSiteId()), part.partNumber(),
                        String.valueOf(siteId)));
            }
            return new Placed(held, false);
        }
        Instant now = clock.instant();
        SpareReservationEntity request = new SpareReservationEntity(caseNo, line, part.partNumber(), siteId, tier.name(), now);
        QuoteEngine.Ranking ranking = quotes.rankFor(master, part.partNumber(), site, tier, now);
        if (!claimBest(request, ranking, DecisionKind.RESERVED, actor)) {
            reservations.saveAndFlush(request);
            decisions.record(request, DecisionKind.BACKORDER, actor, ranking, ranking.reasonFor(null, List.of()));
        }
        return new Placed(request, true);
    }

    /**
     * Walks down the ranking and reserves the first board it can lock; a depot whose boards are all taken by
     * concurrent requests is passed over. False (nothing changed) when no depot has a board left. A request not yet
     * written (a new one) is inserted as reserved, in one statement; a backorder is updated.
     */
    @Transactional
    boolean claimBest(SpareReservationEntity request, QuoteEngine.Ranking ranking, DecisionKind kind, String actor) {
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
                    ranking.depots().find(candidate.depotCode()).orElseThrow());
            request.reserve(claimed.get(), candidate, now, expires);
            reservations.saveAndFlush(request);
            decisions.record(request, kind, actor, ranking, ranking.reasonFor(candidate, ranDry));
            return true;
        }
        return false;
    }

    @Transactional(readOnly = true)
    SpareReservationEntity require(long id) {
        return reservations.findById(id).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.reservation"), id));
    }

    /** The open reservation or backorder of a line of the case. */
    @Transactional(readOnly = true)
    Optional<SpareReservationEntity> openOf(String caseNumber, int line) {
        return reservations.findOpenOfLine(CaseNumber.parse(caseNumber).value(), line);
    }

    /** The boards a depot must pick now, oldest first. */
    @Transactional(readOnly = true)
    List<ReservationOutcome> picksAt(String depotCode) {
        return reservations.findByDepotCodeAndStatusOrderByReservedAt(LocationCode.parse(depotCode).value(),
                ReservationStatus.RESERVED).stream().map(SpareReservationEntity::toOutcome).toList();
    }

    /**
     * Releases a reservation (board back to AVAILABLE) or cancels a backorder. Releasing what is already released is
     * answered with its state; a picked board cannot be released this way.
     */
    @Transactional
    SpareReservationEntity release(long id, String reason, String actor) {
        return release(id, reason == null || reason.isBlank() ? Message.of("sourcing.reason.releasedBy", actor)
                : Message.of("sourcing.reason.given", reason.trim()), actor);
    }

    /** As {@link #release(long, String, String)}, for a reason a feature gives (its English wording at most 200 characters). */
    @Transactional
    SpareReservationEntity release(long id, Message reason, String actor) {
        int length = reason.english().length();
        if (length > MAX_REASON) {
            throw new InvalidInputException(Message.of("errors.sourcing.reasonLength", String.valueOf(length),
                    String.valueOf(MAX_REASON)), Map.of("reason", Message.of("errors.task.tooLong", MAX_REASON)));
        }
        SpareReservationEntity released = close(id, ReservationStatus.RELEASED, reason, actor);
        if (released.getStatus() == ReservationStatus.PICKED) {
            throw new ConflictException(Message.of("errors.sourcing.picked", String.valueOf(id), released.getCaseNumber(),
                    released.getSerial(), released.getDepotCode()));
        }
        return released;
    }

    /** Reservations not picked by their due time: each expired in its own transaction, by whichever node gets it. */
    @Transactional(readOnly = true)
    List<Long> overdue(int max) {
        return reservations.findExpiredIds(clock.instant(), PageRequest.of(0, max));
    }

    @Transactional
    void expire(long id) {
        close(id, ReservationStatus.EXPIRED, Message.of("sourcing.reason.notPicked",
                String.valueOf(properties.reservationHold().toMinutes())), SYSTEM);
    }

    /** A reserved board left RESERVED by a scan or another feature: picked, or the reservation is void. */
    @Transactional
    void boardLeftReserved(BoardMoved moved) {
        reservations.findBySerialAndStatus(moved.serial(), ReservationStatus.RESERVED).ifPresent(request -> {
            String by = moved.context() == null ? SYSTEM : moved.context().username();
            Object action = moved.context() == null ? Message.of("sourcing.reason.aMove") : moved.context().action().name();
            if (moved.to() == BoardStatus.PICKED) {
                request.picked("Picked by " + by + " at " + moved.locationCode(), moved.at());
                return;
            }
            Message reason = Message.of("sourcing.reason.boardLeft", moved.serial(), moved.to().name(), action, by);
            request.close(ReservationStatus.RELEASED, reason.english(), moved.at());
            reservations.saveAndFlush(request);
            decisions.record(request, DecisionKind.RELEASED, by, null, Message.of("sourcing.reason.void", reason));
            lost(request, ReservationLost.Cause.BOARD_MOVED, reason);
        });
    }

    /** Closes a reservation as released or expired, or cancels it if it is a backorder; returns it as it ends up. */
    private SpareReservationEntity close(long id, ReservationStatus closedAs, Message reason, String actor) {
        SpareReservationEntity request = require(id);
        Instant now = clock.instant();
        if (request.getStatus() == ReservationStatus.BACKORDER) {
            boolean cancelled = reservations.cancelBackorder(id, reason.english(), now) == 1;
            entityManager.refresh(request);
            if (cancelled) {
                decisions.record(request, DecisionKind.CANCELLED, actor, null, Message.of("sourcing.reason.backorderCancelled", reason));
                return request;
            }
        }
        if (request.getStatus() != ReservationStatus.RESERVED) {
            return request;
        }
        boards.lock(request.getSerial());
        entityManager.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != ReservationStatus.RESERVED) {
            return request;
        }
        boolean expiring = closedAs == ReservationStatus.EXPIRED;
        request.close(closedAs, reason.english(), now);
        reservations.saveAndFlush(request);
        decisions.record(request, expiring ? DecisionKind.EXPIRED : DecisionKind.RELEASED, actor, null,
                Message.of(expiring ? "sourcing.reason.expired" : "sourcing.reason.released", reason, request.getSerial(),
                        request.getDepotCode()));
        // Told while the board is still RESERVED: a case sourced anew now gets another board, not this one back.
        lost(request, expiring ? ReservationLost.Cause.EXPIRED : ReservationLost.Cause.RELEASED, reason);
        boards.move(request.getSerial(), BoardStatus.AVAILABLE, request.getDepotCode(), null,
                MoveContext.system(expiring ? MoveReason.EXPIRE : MoveReason.RELEASE, request.getCaseNumber(),
                        reason.english()));
        return request;
    }

    private void lost(SpareReservationEntity request, ReservationLost.Cause cause, Message reason) {
        events.publishEvent(new ReservationLost(request.getId(), request.getCaseNumber(), request.getLine(), request.getSerial(),
                request.getDepotCode(), cause, reason));
    }

    /** Every request the case made, oldest first, with how each ended. */
    @Transactional(readOnly = true)
    List<SpareReservationEntity> historyOf(String caseNumber) {
        return reservations.findByCaseNumberOrderByCreatedAtAscIdAsc(CaseNumber.parse(caseNumber).value());
    }
}
