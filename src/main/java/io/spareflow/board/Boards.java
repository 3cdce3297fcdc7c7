package io.spareflow.board;

import io.spareflow.board.internal.BoardEntity;
import io.spareflow.board.internal.BoardRepository;
import io.spareflow.board.internal.BulkBoardWriter;
import io.spareflow.board.internal.CustodyEntity;
import io.spareflow.board.internal.BoardWrites;
import io.spareflow.board.internal.CustodyRepository;
import io.spareflow.board.internal.LockedBoards;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.common.TransactionLocks;
import io.spareflow.customer.Customers;
import io.spareflow.location.LocationCode;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.PartNumber;
import io.spareflow.part.Parts;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Serialized boards: registration, look-up, and the one way their status changes ({@link #move}). */
@Service
@Transactional(readOnly = true)
public class Boards {

    /** The advisory lock a registration of a serial holds (see {@link TransactionLocks}). */
    private static final String SERIAL_LOCK = "board-serial";

    /** The follow-up moves asked for while the reactions to a move run on this thread (null outside a move). */
    private final ThreadLocal<Deque<FollowUp>> followUps = new ThreadLocal<>();

    private final BoardRepository repository;
    private final LockedBoards lockedBoards;
    private final CustodyRepository custody;
    private final BoardWrites writes;
    private final BulkBoardWriter bulkWriter;
    private final Parts parts;
    private final Locations locations;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final TransactionLocks locks;
    private final Clock clock;

    Boards(BoardRepository repository, LockedBoards lockedBoards, CustodyRepository custody, BoardWrites writes,
           BulkBoardWriter bulkWriter, Parts parts, Locations locations, Customers customers, ApplicationEventPublisher events,
           TransactionLocks locks, Clock clock) {
        this.repository = repository;
        this.lockedBoards = lockedBoards;
        this.custody = custody;
        this.writes = writes;
        this.bulkWriter = bulkWriter;
        this.parts = parts;
        this.locations = locations;
        this.customers = customers;
        this.events = events;
        this.locks = locks;
        this.clock = clock;
    }

    public Optional<BoardInfo> find(String serial) {
        return repository.findBySerial(Serial.parse(serial).value()).map(BoardEntity::toInfo);
    }

    public BoardInfo require(String serial) {
        return find(serial).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.board"), serial));
    }

    /** The board with its chain of custody, oldest hand-off first, and the legs between hand-offs. */
    public BoardHistory history(String serial) {
        BoardEntity board = repository.findBySerial(Serial.parse(serial).value())
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.board"), serial));
        return BoardHistory.of(board.toInfo(), custody.findByBoardIdOrderByMovedAtAscIdAsc(board.getId()).stream()
                .map(CustodyEntity::toRecord).toList());
    }

    /**
     * Locks the board's row for the rest of the caller's transaction, so what the caller checks (state, guards) still
     * holds when it then calls {@link #move}. Empty when no board has this serial: then the serial itself stays locked
     * until the transaction ends, so the caller may {@link #register} it without a concurrent registration.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<BoardInfo> lock(String serial) {
        String normalized = Serial.parse(serial).value();
        Optional<BoardEntity> board = lockedBoards.lock(normalized);
        if (board.isEmpty()) {
            // No row to lock: wait for a registration of this serial under way elsewhere, then look again.
            locks.lock(SERIAL_LOCK, normalized);
            board = lockedBoards.lock(normalized);
        }
        return board.map(BoardEntity::toInfo);
    }

    public Page<BoardInfo> search(String locationCode, String partNumber, BoardStatus status, Pageable pageable) {
        return repository.search(filter(locationCode, LocationCode.tryParse(locationCode).map(LocationCode::value)),
                filter(partNumber, PartNumber.tryParse(partNumber).map(PartNumber::value)), status, pageable).map(BoardEntity::toInfo);
    }

    /** The boards installed at a customer site, by serial. */
    public List<BoardInfo> installedAt(long siteId) {
        return repository.findBySiteIdAndStatusOrderBySerial(siteId, BoardStatus.INSTALLED).stream().map(BoardEntity::toInfo).toList();
    }

    public long count() {
        return repository.count();
    }

    public long countByStatus(BoardStatus status) {
        return repository.countByStatus(status);
    }

    /** Registers one board; its serial must be new, its part and location known. */
    @Transactional
    public BoardInfo register(NewBoard board) {
        return register(board, MoveContext.system(MoveReason.REGISTER, null, null));
    }

    /**
     * Registers one board found by a hand-off (e.g. an unknown serial scanned at receiving): the registration opens
     * its chain of custody, with the context of that hand-off.
     */
    @Transactional
    public BoardInfo register(NewBoard board, MoveContext context) {
        String serial = Serial.parse(board.serial()).value();
        // Two registrations of one serial at once: the second waits and is refused here, not by the unique key.
        locks.lock(SERIAL_LOCK, serial);
        if (repository.findBySerial(serial).isPresent()) {
            throw new ConflictException(Message.of("errors.board.registered", serial));
        }
        validatePlace(board);
        PartInfo part = parts.require(board.partNumber());
        String revision = board.revision() == null || board.revision().isBlank()
                ? part.revision() : board.revision().trim().toUpperCase(Locale.ROOT);
        BoardEntity entity = new BoardEntity(serial, part.partNumber(), revision,
                board.status(), locationCode(board.locationCode()), board.siteId(), clock.instant());
        BoardEntity saved = repository.saveAndFlush(entity);
        BoardInfo registered = saved.toInfo();
        writes.registered(saved.getId(), registered.status(), registered.locationCode(), registered.siteId(), context,
                registered.updatedAt());
        return registered;
    }

    /** Registers many boards in one COPY (demo data, imports, benchmark data sets). Serials must be normalized. */
    @Transactional
    public int registerAll(Collection<NewBoard> boards) {
        return bulkWriter.copyIn(boards, clock.instant());
    }

    /**
     * Moves a board to {@code target} at a location or a site, under a row lock; refused with
     * {@link IllegalBoardMoveException} when the state machine does not allow it. Records the hand-off in the chain of
     * custody and publishes {@link BoardMoved}, both in the caller's transaction; the listeners react in the order of
     * {@link BoardMoveOrder}, and the follow-up moves they ask for ({@link #followUp}) run after them. Returns the
     * board as it then stands.
     */
    @Transactional
    public BoardInfo move(String serial, BoardStatus target, String locationCode, Long siteId, MoveContext context) {
        if (followUps.get() != null) {
            return moveOnce(serial, target, locationCode, siteId, context);
        }
        Deque<FollowUp> pending = new ArrayDeque<>();
        followUps.set(pending);
        try {
            BoardInfo moved = moveOnce(serial, target, locationCode, siteId, context);
            for (FollowUp next = pending.poll(); next != null; next = pending.poll()) {
                BoardInfo followed = moveOnce(next.serial(), next.target(), next.locationCode(), next.siteId(), next.context());
                if (followed.serial().equals(moved.serial())) {
                    moved = followed;
                }
            }
            return moved;
        } finally {
            followUps.remove();
        }
    }

    /**
     * A reaction to a move (a {@link BoardMoved} listener) needs the board moved on, e.g. a defective board nobody
     * waits for goes to quarantine: the move runs after every reaction to the current move, before {@link #move}
     * returns to its caller, which gets the board as it then stands. Outside a move, the board moves at once.
     */
    @Transactional
    public void followUp(String serial, BoardStatus target, String locationCode, Long siteId, MoveContext context) {
        Deque<FollowUp> pending = followUps.get();
        if (pending == null) {
            move(serial, target, locationCode, siteId, context);
        } else {
            pending.add(new FollowUp(serial, target, locationCode, siteId, context));
        }
    }

    private BoardInfo moveOnce(String serial, BoardStatus target, String locationCode, Long siteId, MoveContext context) {
        if (context == null) {
            throw new IllegalArgumentException("a move needs a context: who moved the board and why");
        }
        String normalized = Serial.parse(serial).value();
        BoardEntity board = lockedBoards.lock(normalized).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.board"), serial));
        BoardStatus from = board.getStatus();
        BoardInfo moved = writes.move(board, target, locationCode(locationCode), siteId, context, clock.instant());
        events.publishEvent(new BoardMoved(moved.serial(), moved.partNumber(), from, target, moved.locationCode(),
                moved.siteId(), moved.updatedAt(), context));
        return moved;
    }

    /**
     * The board {@code row} describes, checked as registration needs it: a new serial, a part of the catalogue, a
     * status, and its place — an INSTALLED board at an existing customer site, any other at an existing location.
     * Refused with {@link InvalidInputException} naming the first wrong value.
     */
    public NewBoard checkNew(BoardRow row) {
        String serial = Serial.parse(row.serial()).value();
        if (find(serial).isPresent()) {
            throw new InvalidInputException(Message.of("errors.board.row.registered", serial));
        }
        PartInfo part = parts.find(row.partNumber()).orElseThrow(() -> new InvalidInputException(
                Message.of("errors.board.row.part", row.partNumber())));
        BoardStatus status = status(row.status());
        String location = row.locationCode();
        Long siteId = siteId(row.siteId());
        if (status == BoardStatus.INSTALLED) {
            if (siteId == null || location != null) {
                throw new InvalidInputException(Message.of("errors.board.row.installed"));
            }
            if (customers.site(siteId).isEmpty()) {
                throw new InvalidInputException(Message.of("errors.board.row.site", String.valueOf(siteId)));
            }
        } else {
            if (location == null || siteId != null) {
                throw new InvalidInputException(Message.of("errors.board.row.stored", status));
            }
            location = LocationCode.tryParse(location).map(LocationCode::value).orElse(location);
            if (locations.find(location).isEmpty()) {
                throw new InvalidInputException(Message.of("errors.board.row.location", location));
            }
        }
        String revision = Optional.ofNullable(row.revision()).orElse(part.revision());
        return new NewBoard(serial, part.partNumber(), revision, status, location, siteId);
    }

    private static BoardStatus status(String value) {
        try {
            return BoardStatus.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Message.of("errors.board.row.status", value,
                    List.of(BoardStatus.values()).toString()));
        }
    }

    private static Long siteId(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Message.of("errors.board.row.siteId", value));
        }
    }

    private record FollowUp(String serial, BoardStatus target, String locationCode, Long siteId, MoveContext context) {
    }

    private void validatePlace(NewBoard board) {
        if (board.status() == null) {
            throw new InvalidInputException(Message.of("errors.board.status"), Map.of("status", Message.of("errors.required")));
        }
        if ((board.locationCode() == null) == (board.siteId() == null)) {
            throw new InvalidInputException(Message.of("errors.board.place"),
                    Map.of("locationCode", Message.of("errors.board.place.field")));
        }
        if (board.locationCode() != null) {
            locations.require(board.locationCode());
        }
    }

    private static String locationCode(String code) {
        return code == null || code.isBlank() ? null : LocationCode.parse(code).value();
    }

    /** A search filter: none when blank; a value of no valid form matches nothing rather than everything. */
    private static String filter(String raw, Optional<String> canonical) {
        return raw == null || raw.isBlank() ? null : canonical.orElse(raw.trim());
    }
}
