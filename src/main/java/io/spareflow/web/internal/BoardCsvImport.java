package io.spareflow.web.internal;

import io.spareflow.location.LocationCode;
import io.spareflow.board.Serial;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Imports boards from CSV (columns serial, part_number, revision, status, location_code, site_id) by the rule of
 * {@link CsvImport}: each good row is registered with its custody record, the bad ones are reported by line.
 */
@Component
class BoardCsvImport implements CsvImport.Rows<NewBoard> {

    private final Boards boards;
    private final Parts parts;
    private final Locations locations;
    private final Customers customers;
    private final CsvImport csvImport;

    BoardCsvImport(Boards boards, Parts parts, Locations locations, Customers customers, CsvImport csvImport) {
        this.boards = boards;
        this.parts = parts;
        this.locations = locations;
        this.customers = customers;
        this.csvImport = csvImport;
    }

    CsvImport.Report importFrom(InputStream csv) {
        return csvImport.importFrom(csv, this);
    }

    @Override
    public String key(NewBoard board) {
        return "serial " + board.serial();
    }

    @Override
    public void writeAll(List<NewBoard> good) {
        good.forEach(boards::register);
    }

    @Override
    public NewBoard check(Csv.Row row) {
        String serial = Serial.parse(row.get("serial")).value();
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
            location = LocationCode.tryParse(location).map(LocationCode::value).orElse(location);
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
