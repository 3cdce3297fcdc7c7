package io.spareflow.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.IllegalBoardMoveException;
import io.spareflow.board.MoveContext;
import io.spareflow.board.NewBoard;
import io.spareflow.common.ConflictException;
import io.spareflow.common.ProblemResponses;
import io.spareflow.common.TransactionLocks;
import io.spareflow.common.Texts;
import io.spareflow.customer.Customers;
import io.spareflow.location.LocationCode;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.part.Parts;
import io.spareflow.scan.internal.BoxBindings;
import io.spareflow.scan.internal.BoxBindings.BoxBinding;
import io.spareflow.scan.internal.LabelPhotoDecoder;
import io.spareflow.scan.internal.NextStep;
import io.spareflow.scan.internal.ScanEventEntity;
import io.spareflow.scan.internal.ScanEventRepository;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies scans: the only way people move boards. A scan is checked (who may scan where, what the code says, the
 * board's state machine, other features' {@link ScanGuard}s) and applied through {@code Boards.move} under the board's
 * row lock, in one transaction with its record. A refused scan is recorded too, in its own transaction. Each scan is
 * answered once: a retry with the same {@code clientScanId} gets the first answer again and changes nothing.
 */
@Service
public class Scans {

    /** The advisory lock a scan holds on its clientScanId (see {@link TransactionLocks}). */
    private static final String SCAN_ID_LOCK = "client-scan-id";

    private final Boards boards;
    private final Locations locations;
    private final Parts parts;
    private final Customers customers;
    private final ObjectProvider<ScanGuard> guards;
    private final ScanEventRepository events;
    private final NextStep nextStep;
    private final LabelPhotoDecoder photos;
    private final BoxBindings boxes;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final TransactionLocks locks;
    private final Texts texts;
    private final Clock clock;

    Scans(Boards boards, Locations locations, Parts parts, Customers customers, ObjectProvider<ScanGuard> guards,
          ScanEventRepository events, NextStep nextStep, LabelPhotoDecoder photos, BoxBindings boxes, ObjectMapper json,
          PlatformTransactionManager transactions, TransactionLocks locks, Texts texts, Clock clock) {
        this.boards = boards;
        this.locations = locations;
        this.parts = parts;
        this.customers = customers;
        this.guards = guards;
        this.events = events;
        this.nextStep = nextStep;
        this.photos = photos;
        this.boxes = boxes;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.locks = locks;
        this.texts = texts;
        this.clock = clock;
    }

    /** Applies one scan by {@code user}, or answers it again if it was already received. */
    public ScanReply scan(ScanRequest request, StaffUser user) {
        String fingerprint = fingerprint(request, user.username());
        // A retry is found under the scan id's lock (answerOnce), not before it: looking first would cost every new
        // scan one more query to save a rare retry its transaction.
        try {
            return transaction.execute(status -> answerOnce(request, fingerprint, () -> apply(request, user, fingerprint)));
        } catch (ScanRefusedException refused) {
            return recordRefusal(request, user, fingerprint, refused);
        }
    }

    /** The board code on a photo of a label (a phone without a scanner); InvalidInputException when none is found. */
    public ScanCode readPhoto(InputStream photo) {
        return photos.decode(photo).code();
    }

    /**
     * Runs {@code work} holding the lock on the scan's id until the transaction ends, unless a scan with this id was
     * answered meanwhile (the same scan sent twice at once): then that answer, and the id is never inserted twice.
     */
    private ScanReply answerOnce(ScanRequest request, String fingerprint, Supplier<ScanReply> work) {
        locks.lock(SCAN_ID_LOCK, request.clientScanId());
        return replay(request.clientScanId(), fingerprint).orElseGet(work);
    }

    private Optional<ScanReply> replay(String clientScanId, String fingerprint) {
        return events.findByClientScanId(clientScanId).map(event -> {
            if (!event.getFingerprint().equals(fingerprint)) {
                throw new ConflictException("Scan id '" + clientScanId + "' was already used for a different scan"
                        + " (scan " + event.getId() + "). A retry must repeat the scan unchanged; a new scan needs a new"
                        + " clientScanId.");
            }
            return new ScanReply(event.getResponseStatus(), event.getResponseBody(), true);
        });
    }

    private ScanReply apply(ScanRequest request, StaffUser user, String fingerprint) {
        ScanEventEntity event = newEvent(request, user, fingerprint);
        LocationInfo location = checkScope(request, user);
        ScanCode code = read(request.code());
        if (code.isReturnLabel()) {
            return bindBox(request, user, event, location, code);
        }
        event.identify(code.serial(), code.partNumber());
        checkActionFields(request);
        // A box bound by its return label names the case, so nobody types it: the board inside is checked against it.
        Optional<BoxBinding> box = request.action() == ScanAction.DEFECTIVE_RECEIVE && isBlank(request.caseNumber())
                ? boxes.take(user.username(), request.device(), location.code()) : Optional.empty();
        String caseNumber = box.map(BoxBinding::caseNumber).orElse(request.caseNumber());
        Optional<BoardInfo> locked = boards.lock(code.serial());
        if (locked.isEmpty()) {
            return registerFound(request, caseNumber, user, event, location, code);
        }
        BoardInfo board = locked.get();
        BoardStatus target = checkMove(request, user, location, code, board);
        boolean delivered = request.action() == ScanAction.DELIVER;
        BoardInfo moved;
        try {
            moved = boards.move(board.serial(), target, delivered ? null : location.code(),
                    delivered ? request.siteId() : null, moveContext(request, caseNumber, user, event));
        } catch (IllegalBoardMoveException illegal) {
            throw refused(HttpStatus.CONFLICT, illegal.getMessage(), board);
        }
        // The reactions to the move may have moved the board on (a defective board with no open case is
        // quarantined): the move returns the board as it stands now, which the worker is told.
        Optional<String> wrongBoard = box.flatMap(bound -> boxes.wrongBoard(bound, moved.serial()));
        ScanResult result = new ScanResult(event.getId(), request.clientScanId(), ScanResult.Result.ACCEPTED,
                moved.serial(), moved.partNumber(), request.action(), board.status(), moved.status(), location.code(),
                moved.siteId(), wrongBoard.map(words -> words + " ").orElse("")
                + nextStep.after(moved, location, caseNumber, request.trackingNumber()), wrongBoard.isPresent(),
                event.getScannedAt());
        return answer(event, result, wrongBoard.orElse(null));
    }

    /** A return label binds the box it is stuck on to its case, for this person and device; no board moves. */
    private ScanReply bindBox(ScanRequest request, StaffUser user, ScanEventEntity event, LocationInfo location,
                              ScanCode code) {
        if (request.action() != ScanAction.DEFECTIVE_RECEIVE) {
            throw refused(HttpStatus.BAD_REQUEST, boxes.notAtDefectiveReceive(code.caseNumber(), request.action()), null);
        }
        BoxBinding binding = new BoxBinding(code.caseNumber(), code.serial());
        boxes.bind(user.username(), request.device(), location.code(), binding);
        event.identify(code.serial(), code.partNumber());
        ScanResult result = new ScanResult(event.getId(), request.clientScanId(), ScanResult.Result.BOUND, code.serial(),
                code.partNumber(), request.action(), null, null, location.code(), null, boxes.bound(binding), false,
                event.getScannedAt());
        return answer(event, result, null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private LocationInfo checkScope(ScanRequest request, StaffUser user) {
        if (user.role() == Role.AGENT) {
            throw refused(HttpStatus.FORBIDDEN, "Hotline agents do not scan boards: scans are made by depot staff,"
                    + " technicians and supervisors", null);
        }
        if (!user.mayActAt(request.location())) {
            throw refused(HttpStatus.FORBIDDEN, "You work at " + user.locationCode() + "; a scan at "
                    + locationCode(request) + " must be made by staff of that location", null);
        }
        return locations.find(request.location()).orElseThrow(() -> refused(HttpStatus.BAD_REQUEST,
                "Location '" + request.location() + "' does not exist: send the code of the depot or repair center"
                        + " where the board is scanned", null));
    }

    private static ScanCode read(String raw) {
        try {
            return ScanCode.parse(raw);
        } catch (UnreadableCodeException unreadable) {
            throw refused(HttpStatus.BAD_REQUEST, unreadable.getMessage(), null);
        }
    }

    private void checkActionFields(ScanRequest request) {
        if (request.action() == ScanAction.REPAIR_RESULT && request.result() == null) {
            throw refused(HttpStatus.BAD_REQUEST, "REPAIR_RESULT needs the test's result: REPAIRED or NFF", null);
        }
        if (request.action() == ScanAction.DELIVER) {
            if (request.siteId() == null) {
                throw refused(HttpStatus.BAD_REQUEST, "DELIVER needs siteId, the customer site where the board is"
                        + " installed", null);
            }
            if (customers.site(request.siteId()).isEmpty()) {
                throw refused(HttpStatus.BAD_REQUEST, "Customer site " + request.siteId() + " does not exist", null);
            }
        }
    }

    /** Everything that must hold before a known, locked board moves; returns the status it moves to. */
    private BoardStatus checkMove(ScanRequest request, StaffUser user, LocationInfo location, ScanCode code,
                                  BoardInfo board) {
        ScanAction action = request.action();
        BoardStatus target = action.target(board.status(), request.result());
        ScanAttempt attempt = new ScanAttempt(board, action, location.code(), user.username());
        if (!board.status().canMoveTo(target)) {
            // A guard may know which board was meant (e.g. the one reserved for the pick): say so with the refusal.
            throw refused(HttpStatus.CONFLICT, "Board " + board.serial() + " is " + board.status() + where(board) + ": "
                    + action + " would make it " + target + ", which is not allowed from " + board.status()
                    + ". Allowed now: " + describe(ScanAction.allowedFrom(board.status()))
                    + guardRefusal(attempt).map(reason -> ". " + reason).orElse(""), board);
        }
        if (board.status() == BoardStatus.QUARANTINE && user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            throw refused(HttpStatus.FORBIDDEN, "Board " + board.serial() + " is in QUARANTINE" + where(board)
                    + ": only a supervisor may release it", board);
        }
        boolean arriving = action.mayFindUnknownBoards();
        if (!arriving && board.status().isAtLocation() && !location.code().equals(board.locationCode())) {
            throw refused(HttpStatus.CONFLICT, "Board " + board.serial() + " is " + board.status() + where(board)
                    + ", not here at " + location.code() + ": receive it here first (RECEIVE or DEFECTIVE_RECEIVE)", board);
        }
        if (code.partNumber() != null && !code.partNumber().equals(board.partNumber())) {
            throw refused(HttpStatus.CONFLICT, "The label says part " + code.partNumber() + " but board " + board.serial()
                    + " is registered as part " + board.partNumber() + ": quarantine it (QUARANTINE) for a supervisor",
                    board);
        }
        guardRefusal(attempt).ifPresent(reason -> {
            throw refused(HttpStatus.CONFLICT, reason, board);
        });
        return target;
    }

    private Optional<String> guardRefusal(ScanAttempt attempt) {
        return guards.orderedStream().map(guard -> guard.refuse(attempt)).flatMap(Optional::stream).findFirst();
    }

    /** An unknown serial at receiving is found, not lost: registered in quarantine here, flagged for a supervisor. */
    private ScanReply registerFound(ScanRequest request, String caseNumber, StaffUser user, ScanEventEntity event,
                                    LocationInfo location, ScanCode code) {
        if (!request.action().mayFindUnknownBoards()) {
            throw new ScanRefusedException(HttpStatus.NOT_FOUND, "No board with serial " + code.serial()
                    + " is registered. A board nobody expects is taken in with RECEIVE or DEFECTIVE_RECEIVE, which puts"
                    + " it in quarantine for a supervisor", code.serial(), null, false);
        }
        String partNumber = code.partNumber() != null ? code.partNumber()
                : request.partNumber() == null || request.partNumber().isBlank() ? null : request.partNumber().trim();
        if (partNumber == null || parts.find(partNumber).isEmpty()) {
            throw new ScanRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "Board " + code.serial()
                    + " is not registered and " + (partNumber == null ? "its part number is unknown"
                    : "part " + partNumber + " is not in the catalogue") + ": scan the DataMatrix of its label (it"
                    + " carries the part number) or send partNumber. Keep the board aside; a supervisor sees this scan",
                    code.serial(), null, true);
        }
        BoardInfo found = boards.register(new NewBoard(code.serial(), partNumber, null, BoardStatus.QUARANTINE,
                location.code(), null), moveContext(request, caseNumber, user, event));
        event.identify(found.serial(), found.partNumber());
        ScanResult result = new ScanResult(event.getId(), request.clientScanId(), ScanResult.Result.QUARANTINED,
                found.serial(), found.partNumber(), request.action(), null, found.status(), location.code(), null,
                nextStep.unknownBoard(found, location, caseNumber, request.trackingNumber()), true, event.getScannedAt());
        return answer(event, result, "unknown board registered in quarantine");
    }

    /** The hand-off as the board's chain of custody records it: this scan, by this user. */
    private static MoveContext moveContext(ScanRequest request, String caseNumber, StaffUser user, ScanEventEntity event) {
        return new MoveContext(request.action().reason(), user.username(), request.device(), event.getId(),
                caseNumber, request.trackingNumber(), request.note());
    }

    private ScanReply answer(ScanEventEntity event, ScanResult result, String reason) {
        String body = write(result);
        event.answer(result.result(), result.from(), result.to(), reason, result.flaggedForSupervisor(), 200, body);
        events.saveAndFlush(event);
        return new ScanReply(200, body, false);
    }

    private ScanReply recordRefusal(ScanRequest request, StaffUser user, String fingerprint, ScanRefusedException refused) {
        return transaction.execute(status -> answerOnce(request, fingerprint, () -> {
            ScanEventEntity event = newEvent(request, user, fingerprint);
            BoardInfo board = refused.board();
            event.identify(refused.serial(), board == null ? null : board.partNumber());
            ProblemDetail problem = ProblemResponses.problem(refused.status(), texts.get("problem.title.scanRefused"), refused.getMessage());
            problem.setProperty("scanId", event.getId());
            problem.setProperty("clientScanId", request.clientScanId());
            if (refused.serial() != null) {
                problem.setProperty("serial", refused.serial());
            }
            if (board != null) {
                problem.setProperty("currentStatus", board.status());
                problem.setProperty("currentLocation", board.locationCode());
                problem.setProperty("allowedActions", refused.allowedNow());
            }
            problem.setProperty("flaggedForSupervisor", refused.flagged());
            String body = write(problem);
            event.answer(ScanResult.Result.REFUSED, board == null ? null : board.status(), null, refused.getMessage(),
                    refused.flagged(), refused.status().value(), body);
            events.saveAndFlush(event);
            return new ScanReply(refused.status().value(), body, false);
        }));
    }

    private ScanEventEntity newEvent(ScanRequest request, StaffUser user, String fingerprint) {
        return new ScanEventEntity(events.nextId(), request.clientScanId(), fingerprint, user.username(), request.action(),
                locationCode(request), ScanCodeParser.visible(request.code()), request.device(),
                clock.instant());
    }

    /** The location code as sent, in the canonical form of location codes; it may name no location. */
    private static String locationCode(ScanRequest request) {
        return LocationCode.tryParse(request.location()).map(LocationCode::value).orElse(request.location().trim());
    }

    private static ScanRefusedException refused(HttpStatus status, String reason, BoardInfo board) {
        return new ScanRefusedException(status, reason, board == null ? null : board.serial(), board, false);
    }

    private static String where(BoardInfo board) {
        return board.locationCode() != null ? " at " + board.locationCode()
                : board.siteId() != null ? " at customer site " + board.siteId() : "";
    }

    private static String describe(java.util.Set<ScanAction> actions) {
        return actions.isEmpty() ? "none (the board cannot move any more)"
                : actions.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scan answer as JSON", e);
        }
    }

    /** Everything that makes two scans the same scan (a retry) rather than two scans sharing an id. */
    static String fingerprint(ScanRequest request, String username) {
        String canonical = Stream.of(username, request.code(), request.action(), locationCode(request),
                        request.device(), request.trackingNumber(), request.note(), request.result(), request.siteId(),
                        request.caseNumber(), request.partNumber())
                .map(value -> Objects.toString(value, "\u0000")).collect(Collectors.joining("\u001F"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
