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
import io.spareflow.common.Message;
import io.spareflow.common.ProblemResponses;
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
import io.spareflow.scan.internal.ScanEventLog;
import io.spareflow.scan.internal.ScanEventLog.Answer;
import io.spareflow.scan.internal.ScanEventLog.Received;
import io.spareflow.scan.internal.ScanIds;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies scans: the only way people move boards. A scan is checked (who may scan where, what the code says, the
 * board's state machine, other features' {@link ScanGuard}s) and applied through {@code Boards.move} under the board's
 * row lock, in one transaction with its record. A refused scan is recorded too, in its own transaction. Each scan is
 * answered once: a retry with the same {@code clientScanId} gets the first answer again and changes nothing.
 */
@Service
public class Scans {

    private final Boards boards;
    private final Locations locations;
    private final Parts parts;
    private final Customers customers;
    private final ObjectProvider<ScanGuard> guards;
    /** The guards in their order, resolved once (resolving them on every scan cost as much as a statement). */
    private volatile List<ScanGuard> orderedGuards;
    private final ScanIds ids;
    private final ScanEventLog events;
    private final NextStep nextStep;
    private final LabelPhotoDecoder photos;
    private final BoxBindings boxes;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Texts texts;
    private final Clock clock;

    Scans(Boards boards, Locations locations, Parts parts, Customers customers, ObjectProvider<ScanGuard> guards,
          ScanIds ids, ScanEventLog events, NextStep nextStep, LabelPhotoDecoder photos, BoxBindings boxes, ObjectMapper json,
          PlatformTransactionManager transactions, Texts texts, Clock clock) {
        this.boards = boards;
        this.locations = locations;
        this.parts = parts;
        this.customers = customers;
        this.guards = guards;
        this.ids = ids;
        this.events = events;
        this.nextStep = nextStep;
        this.photos = photos;
        this.boxes = boxes;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.texts = texts;
        this.clock = clock;
    }

    /** Applies one scan by {@code user}, or answers it again if it was already received. */
    public ScanReply scan(ScanRequest request, StaffUser user) {
        String fingerprint = fingerprint(request, user.username());
        // A retry is found when it is recorded (answerOnce), not looked for first: looking first would cost every new
        // scan one more query to save a rare retry its work.
        try {
            return transaction.execute(status -> answerOnce(request, user, fingerprint, status, scan -> apply(request, user, scan)));
        } catch (ScanRefusedException refused) {
            return recordRefusal(request, user, fingerprint, refused);
        }
    }

    /** The board code on a photo of a label (a phone without a scanner); InvalidInputException when none is found. */
    public ScanCode readPhoto(InputStream photo) {
        return photos.decode(photo).code();
    }

    /**
     * Gives the scan an id, does its {@code work} and records the scan with the answer the work gives, unless a scan
     * with this clientScanId was recorded before or meanwhile (a retry, or the same scan sent twice at once): then the
     * work is rolled back and the first answer given again, so a scan id is never recorded twice and a retry changes
     * nothing. The record is the transaction's last statement: a second scan with the id waits in it until the first
     * one's transaction ends, and the first, having done its work, waits for nothing the second holds.
     */
    private ScanReply answerOnce(ScanRequest request, StaffUser user, String fingerprint, TransactionStatus status,
                                 Function<Applying, Answer> work) {
        Applying scan = new Applying(ids.next(), clock.instant());
        Answer answer = work.apply(scan);
        if (events.record(new Received(scan.id(), request.clientScanId(), fingerprint, user.username(), request.action(),
                locationCode(request), ScanCodeParser.visible(request.code()), request.device(), scan.at()), answer)) {
            return new ScanReply(answer.responseStatus(), answer.responseBody(), false);
        }
        status.setRollbackOnly();
        return replay(request.clientScanId(), fingerprint);
    }

    /** The scan being applied: its id (named in its answer and its board's custody) and when it was received. */
    private record Applying(long id, Instant at) {
    }

    private ScanReply replay(String clientScanId, String fingerprint) {
        ScanEventLog.Answered first = events.answered(clientScanId).orElseThrow(() -> new IllegalStateException(
                "the claim of scan id " + clientScanId + " met a scan that is not there"));
        if (!first.fingerprint().equals(fingerprint)) {
            throw new ConflictException(Message.of("errors.scan.idUsed", clientScanId, String.valueOf(first.id())));
        }
        return new ScanReply(first.responseStatus(), first.responseBody(), true);
    }

    private Answer apply(ScanRequest request, StaffUser user, Applying event) {
        LocationInfo location = checkScope(request, user);
        ScanCode code = read(request.code());
        if (code.isReturnLabel()) {
            return bindBox(request, user, event, location, code);
        }
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
            throw refused(HttpStatus.CONFLICT, illegal.detail(), board);
        }
        // The reactions to the move may have moved the board on (a defective board with no open case is
        // quarantined): the move returns the board as it stands now, which the worker is told.
        Optional<String> wrongBoard = box.flatMap(bound -> boxes.wrongBoard(bound, moved.serial()));
        ScanResult result = new ScanResult(event.id(), request.clientScanId(), ScanResult.Result.ACCEPTED,
                moved.serial(), moved.partNumber(), request.action(), board.status(), moved.status(), location.code(),
                moved.siteId(), wrongBoard.map(words -> words + " ").orElse("")
                + nextStep.after(moved, location, caseNumber, request.trackingNumber()), wrongBoard.isPresent(),
                event.at());
        return answer(code.serial(), code.partNumber(), result, wrongBoard.orElse(null));
    }

    /** A return label binds the box it is stuck on to its case, for this person and device; no board moves. */
    private Answer bindBox(ScanRequest request, StaffUser user, Applying event, LocationInfo location, ScanCode code) {
        if (request.action() != ScanAction.DEFECTIVE_RECEIVE) {
            throw refused(HttpStatus.BAD_REQUEST, boxes.notAtDefectiveReceive(code.caseNumber(), request.action()), null);
        }
        BoxBinding binding = new BoxBinding(code.caseNumber(), code.serial());
        boxes.bind(user.username(), request.device(), location.code(), binding);
        ScanResult result = new ScanResult(event.id(), request.clientScanId(), ScanResult.Result.BOUND, code.serial(),
                code.partNumber(), request.action(), null, null, location.code(), null, boxes.bound(binding), false,
                event.at());
        return answer(code.serial(), code.partNumber(), result, null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private LocationInfo checkScope(ScanRequest request, StaffUser user) {
        if (user.role() == Role.AGENT) {
            throw refused(HttpStatus.FORBIDDEN, Message.of("errors.scan.agent"), null);
        }
        if (!user.mayActAt(request.location())) {
            throw refused(HttpStatus.FORBIDDEN, Message.of("errors.scan.elsewhere", user.locationCode(), locationCode(request)), null);
        }
        return locations.find(request.location()).orElseThrow(() -> refused(HttpStatus.BAD_REQUEST,
                Message.of("errors.scan.location", request.location()), null));
    }

    private static ScanCode read(String raw) {
        try {
            return ScanCode.parse(raw);
        } catch (UnreadableCodeException unreadable) {
            throw refused(HttpStatus.BAD_REQUEST, unreadable.detail(), null);
        }
    }

    private void checkActionFields(ScanRequest request) {
        if (request.action() == ScanAction.REPAIR_RESULT && request.result() == null) {
            throw refused(HttpStatus.BAD_REQUEST, Message.of("errors.scan.repairResult"), null);
        }
        if (request.action() == ScanAction.DELIVER) {
            if (request.siteId() == null) {
                throw refused(HttpStatus.BAD_REQUEST, Message.of("errors.scan.deliverSite"), null);
            }
            if (customers.site(request.siteId()).isEmpty()) {
                throw refused(HttpStatus.BAD_REQUEST, Message.of("errors.scan.site", String.valueOf(request.siteId())), null);
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
            Message notAllowed = Message.of("errors.scan.notAllowed", board.serial(), board.status(), where(board), action, target,
                    describe(ScanAction.allowedFrom(board.status())));
            throw refused(HttpStatus.CONFLICT, guardRefusal(attempt).<Message>map(reason -> Message.joined(List.of(notAllowed, reason), ". "))
                    .orElse(notAllowed), board);
        }
        if (board.status() == BoardStatus.QUARANTINE && user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            throw refused(HttpStatus.FORBIDDEN, Message.of("errors.scan.quarantine", board.serial(), where(board)), board);
        }
        boolean arriving = action.mayFindUnknownBoards();
        if (!arriving && board.status().isAtLocation() && !location.code().equals(board.locationCode())) {
            throw refused(HttpStatus.CONFLICT, Message.of("errors.scan.notHere", board.serial(), board.status(), where(board),
                    location.code()), board);
        }
        if (code.partNumber() != null && !code.partNumber().equals(board.partNumber())) {
            throw refused(HttpStatus.CONFLICT, Message.of("errors.scan.wrongPart", code.partNumber(), board.serial(),
                    board.partNumber()), board);
        }
        guardRefusal(attempt).ifPresent(reason -> {
            throw refused(HttpStatus.CONFLICT, reason, board);
        });
        return target;
    }

    private Optional<Message> guardRefusal(ScanAttempt attempt) {
        return orderedGuards().stream().map(guard -> guard.refuse(attempt)).flatMap(Optional::stream).findFirst();
    }

    private List<ScanGuard> orderedGuards() {
        List<ScanGuard> resolved = orderedGuards;
        if (resolved == null) {
            resolved = guards.orderedStream().toList();
            orderedGuards = resolved;
        }
        return resolved;
    }

    /** An unknown serial at receiving is found, not lost: registered in quarantine here, flagged for a supervisor. */
    private Answer registerFound(ScanRequest request, String caseNumber, StaffUser user, Applying event,
                                 LocationInfo location, ScanCode code) {
        if (!request.action().mayFindUnknownBoards()) {
            throw new ScanRefusedException(HttpStatus.NOT_FOUND, Message.of("errors.scan.unknownBoard", code.serial()),
                    code.serial(), null, false);
        }
        String partNumber = code.partNumber() != null ? code.partNumber()
                : request.partNumber() == null || request.partNumber().isBlank() ? null : request.partNumber().trim();
        if (partNumber == null || parts.find(partNumber).isEmpty()) {
            throw new ScanRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, partNumber == null
                    ? Message.of("errors.scan.unknownPart", code.serial())
                    : Message.of("errors.scan.partNotInCatalogue", code.serial(), partNumber), code.serial(), null, true);
        }
        BoardInfo found = boards.register(new NewBoard(code.serial(), partNumber, null, BoardStatus.QUARANTINE,
                location.code(), null), moveContext(request, caseNumber, user, event));
        ScanResult result = new ScanResult(event.id(), request.clientScanId(), ScanResult.Result.QUARANTINED,
                found.serial(), found.partNumber(), request.action(), null, found.status(), location.code(), null,
                nextStep.unknownBoard(found, location, caseNumber, request.trackingNumber()), true, event.at());
        return answer(found.serial(), found.partNumber(), result, "unknown board registered in quarantine");
    }

    /** The hand-off as the board's chain of custody records it: this scan, by this user. */
    private static MoveContext moveContext(ScanRequest request, String caseNumber, StaffUser user, Applying event) {
        return new MoveContext(request.action().reason(), user.username(), request.device(), event.id(),
                caseNumber, request.trackingNumber(), request.note());
    }

    /** The answer to an applied scan of {@code serial} (and {@code partNumber}, if the code named it). */
    private Answer answer(String serial, String partNumber, ScanResult result, String reason) {
        return new Answer(serial, partNumber, result.result(), result.from(), result.to(), reason,
                result.flaggedForSupervisor(), 200, write(result));
    }

    private ScanReply recordRefusal(ScanRequest request, StaffUser user, String fingerprint, ScanRefusedException refused) {
        BoardInfo board = refused.board();
        return transaction.execute(status -> answerOnce(request, user, fingerprint, status, event -> {
            String reason = texts.get(refused.reason());
            ProblemDetail problem = ProblemResponses.problem(refused.status(), texts.get("problem.title.scanRefused"), reason);
            problem.setProperty("scanId", event.id());
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
            return new Answer(refused.serial(), board == null ? null : board.partNumber(), ScanResult.Result.REFUSED,
                    board == null ? null : board.status(), null, reason, refused.flagged(), refused.status().value(),
                    write(problem));
        }));
    }

    /** The location code as sent, in the canonical form of location codes; it may name no location. */
    private static String locationCode(ScanRequest request) {
        return LocationCode.tryParse(request.location()).map(LocationCode::value).orElse(request.location().trim());
    }

    private static ScanRefusedException refused(HttpStatus status, Message reason, BoardInfo board) {
        return new ScanRefusedException(status, reason, board == null ? null : board.serial(), board, false);
    }

    private static Message where(BoardInfo board) {
        return board.locationCode() != null ? Message.of("errors.scan.where.location", board.locationCode())
                : board.siteId() != null ? Message.of("errors.scan.where.site", String.valueOf(board.siteId()))
                : Message.of("errors.scan.where.unknown");
    }

    private static Object describe(java.util.Set<ScanAction> actions) {
        return actions.isEmpty() ? Message.of("errors.scan.noActions")
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
