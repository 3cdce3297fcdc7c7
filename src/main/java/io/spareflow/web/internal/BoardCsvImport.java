package io.spareflow.web.internal;

import io.spareflow.board.BoardSerials;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.common.Csv;
import io.spareflow.common.InvalidInputException;
import io.spareflow.customer.Customers;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports boards from CSV (columns serial, part_number, revision, status, location_code, site_id): every row is
 * checked first; the good rows are registered together in one transaction (each with its custody record), the bad
 * ones are reported by line with the reason. A failure while writing leaves nothing imported.
 */
@Component
class BoardCsvImport {

    record Report(int imported, List<String> rejected) {
    }

    private final Boards boards;
    private final Parts parts;
    private final Locations locations;
    private final Customers customers;
    private final TransactionTemplate transaction;

    BoardCsvImport(Boards boards, Parts parts, Locations locations, Customers customers,
                   PlatformTransactionManager transactions) {
        this.boards = boards;
        this.parts = parts;
        this.locations = locations;
        this.customers = customers;
        this.transaction = new TransactionTemplate(transactions);
    }

    Report importFrom(InputStream csv) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(csv);
        } catch (IllegalArgumentException unreadable) {
            return new Report(0, List.of("The file is not CSV with a header line: " + unreadable.getMessage()));
        }
        List<NewBoard> good = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : rows) {
            try {
                NewBoard board = check(row);
                if (!seen.add(board.serial())) {
                    throw new InvalidInputException("serial " + board.serial() + " appears twice in the file");
                }
                good.add(board);
            } catch (InvalidInputException | IllegalArgumentException bad) {
                rejected.add("line " + row.line() + ": " + bad.getMessage());
            }
        }
        transaction.executeWithoutResult(status -> good.forEach(boards::register));
        return new Report(good.size(), rejected);
    }

    private NewBoard check(Csv.Row row) {
        String serial = BoardSerials.normalize(row.get("serial"));
        if (boards.find(serial).isPresent()) {
            throw new InvalidInputException("board " + serial + " is already registered");
        }
        String partNumber = row.get("part_number");
        PartInfo part = parts.find(partNumber).orElseThrow(() -> new InvalidInputException("part '" + partNumber
                + "' is not in the catalogue"));
        BoardStatus status = status(row.get("status"));
        String location = row.optional("location_code");
        Long siteId = siteId(row.optional("site_id"));
        if (status == BoardStatus.INSTALLED) {
            if (siteId == null || location != null) {
                throw new InvalidInputException("an INSTALLED board needs site_id and no location_code");
            }
            if (customers.site(siteId).isEmpty()) {
                throw new InvalidInputException("customer site " + siteId + " does not exist");
            }
        } else {
            if (location == null || siteId != null) {
                throw new InvalidInputException("a " + status + " board needs location_code and no site_id");
            }
            location = location.toUpperCase(Locale.ROOT);
            if (locations.find(location).isEmpty()) {
                throw new InvalidInputException("location '" + location + "' does not exist");
            }
        }
        String revision = Optional.ofNullable(row.optional("revision")).orElse(part.revision());
        return new NewBoard(serial, part.partNumber(), revision, status, location, siteId);
    }

    private static BoardStatus status(String value) {
        try {
            return BoardStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status '" + value + "' is not a board status; one of "
                    + List.of(BoardStatus.values()));
        }
    }

    private static Long siteId(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("site_id '" + value + "' is not a number");
        }
    }
}
