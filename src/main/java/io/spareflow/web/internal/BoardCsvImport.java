package io.spareflow.web.internal;

import io.spareflow.board.BoardRow;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.common.Csv;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Imports boards from CSV (columns serial, part_number, revision, status, location_code, site_id) by the rule of
 * {@link CsvImport}: the board feature checks each row ({@link Boards#checkNew}); each good row is registered with its
 * custody record, the bad ones are reported by line.
 */
@Component
class BoardCsvImport implements CsvImport.Rows<NewBoard> {

    private final Boards boards;
    private final CsvImport csvImport;

    BoardCsvImport(Boards boards, CsvImport csvImport) {
        this.boards = boards;
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
        return boards.checkNew(new BoardRow(row.get("serial"), row.get("part_number"), row.optional("revision"),
                row.get("status"), row.optional("location_code"), row.optional("site_id")));
    }
}
