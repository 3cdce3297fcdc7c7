package io.spareflow.rma.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.board.NewBoard;
import io.spareflow.board.Serial;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.TimelineKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Naming a case's faulty boards: each must be installed at the case's site (or found there unregistered, with its
 * part) and on no other open case; each named board becomes a line of the case.
 */
@Component
class FaultyBoards {

    private final Boards boards;
    private final Customers customers;
    private final CaseRepository cases;
    private final CaseTexts texts;

    FaultyBoards(Boards boards, Customers customers, CaseRepository cases, CaseTexts texts) {
        this.boards = boards;
        this.customers = customers;
        this.cases = cases;
        this.texts = texts;
    }

    /**
     * The lines a diagnosis names ({@code faultySerials}: serials installed at the site, or {@code SERIAL=PART} for a
     * board found there that nobody registered); a board already on an open line of the case is not named again. A
     * spare needed for a case that has no open line yet needs at least one board.
     */
    void nameFromDiagnosis(CaseEntity entity, DiagnosisOutcome outcome, List<String> faultySerials, String username,
                           Instant now) {
        if (outcome == DiagnosisOutcome.SPARE_NEEDED && faultySerials.isEmpty() && entity.linesDone()) {
            throw new InvalidInputException(texts.text("case.line.serial-required", entity.number()),
                    Map.of(RmaCaseBpmn.FAULTY_SERIALS, texts.text("case.line.serial-required.field")));
        }
        SiteInfo site = customers.requireSite(entity.siteId());
        for (String named : faultySerials) {
            int separator = named.indexOf('=');
            FaultyBoard board = separator < 0 ? find(site, named, null, RmaCaseBpmn.FAULTY_SERIALS)
                    : find(site, named.substring(0, separator), named.substring(separator + 1), RmaCaseBpmn.FAULTY_SERIALS);
            if (entity.openLineOf(board.serial()).isEmpty()) {
                name(entity, board, null, username, now);
            }
        }
    }

    /**
     * The board named as faulty at {@code site}: installed there and on no open line. A serial nobody registered is
     * registered as installed there when its part is named ({@code partNumber}), and flagged; without one it is
     * refused, saying how to name it. {@code field} names the input in the 400 answer.
     */
    FaultyBoard find(SiteInfo site, String serialText, String partNumber, String field) {
        String serial = Serial.parse(serialText).value();
        Optional<BoardInfo> found = boards.find(serial);
        FaultyBoard board;
        if (found.isPresent()) {
            BoardInfo known = found.get();
            if (known.status() != BoardStatus.INSTALLED || !Long.valueOf(site.id()).equals(known.siteId())) {
                throw new InvalidInputException(texts.text("case.line.not-installed", serial, site.id(), known.status()),
                        Map.of(field, texts.text("case.line.not-installed.field")));
            }
            board = new FaultyBoard(serial, known.partNumber(), false);
        } else if (partNumber == null || partNumber.isBlank()) {
            throw new InvalidInputException(texts.text("case.line.unregistered", serial, site.id()),
                    Map.of(field, texts.text("case.line.unregistered.field")));
        } else {
            // the board feature normalises the part number and refuses one the catalogue does not know
            BoardInfo registered = boards.register(new NewBoard(serial, partNumber, null,
                    BoardStatus.INSTALLED, null, site.id()), MoveContext.system(MoveReason.REGISTER, null,
                    "found at site " + site.id() + " while naming the faulty boards of a case"));
            board = new FaultyBoard(serial, registered.partNumber(), true);
        }
        cases.findOpenBySerial(serial).ifPresent(open -> {
            throw new ConflictException(texts.text("case.line.open-elsewhere", serial, open.number()));
        });
        return board;
    }

    /** The board becomes a line of the case ({@code doaOfLine}: the line whose spare it was, when dead on arrival). */
    CaseLineEntity name(CaseEntity entity, FaultyBoard board, Integer doaOfLine, String username, Instant now) {
        CaseLineEntity line = entity.addLine(board.serial(), board.partNumber(), board.registeredOnSite(), doaOfLine, now);
        entity.record(now, TimelineKind.LINE_NAMED, username, texts.text(board.registeredOnSite() ? "case.line.named-registered"
                : "case.line.named", line.lineNo(), board.serial(), board.partNumber()));
        return line;
    }
}
