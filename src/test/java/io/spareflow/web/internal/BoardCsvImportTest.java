package io.spareflow.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.Customers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpareflowIntegrationTest
class BoardCsvImportTest {

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    @Autowired
    BoardCsvImport importer;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;

    @Test
    void goodRowsAreImportedWithTheirCustodyAndBadRowsAreReportedByLineWithTheReason() {
        long site = customers.all().get(0).sites().get(0).id();
        boards.register(new NewBoard(serial("OLD"), "130104205", "C", BoardStatus.AVAILABLE, "CTU", null));
        String csv = String.join("\n",
                "serial,part_number,revision,status,location_code,site_id",
                serial("A") + ",130104205,,AVAILABLE,ctu,",
                serial("B") + ",130104205,C,INSTALLED,," + site,
                serial("C") + ",NO-SUCH-PART,,AVAILABLE,CTU,",
                serial("A") + ",130104205,,AVAILABLE,CTU,",
                serial("OLD") + ",130104205,,AVAILABLE,CTU,",
                serial("D") + ",130104205,,INSTALLED,CTU,",
                serial("E") + ",130104205,,LOST,CTU,",
                serial("F") + ",130104205,,AVAILABLE,NOWHERE,",
                "a b,130104205,,AVAILABLE,CTU,");

        CsvImport.Report report = importer.importFrom(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).hasSize(7);
        assertThat(report.rejected().get(0)).startsWith("line 4: ").contains("NO-SUCH-PART");
        assertThat(report.rejected().get(1)).startsWith("line 5: ").contains("twice");
        assertThat(report.rejected().get(2)).startsWith("line 6: ").contains("already registered");
        assertThat(report.rejected().get(3)).startsWith("line 7: ").contains("needs site_id");
        assertThat(report.rejected().get(4)).startsWith("line 8: ").contains("'LOST' is not a board status");
        assertThat(report.rejected().get(5)).startsWith("line 9: ").contains("'NOWHERE' does not exist");
        assertThat(report.rejected().get(6)).startsWith("line 10: ").contains("not a board serial");
        assertThat(boards.require(serial("A")).locationCode()).isEqualTo("CTU");
        assertThat(boards.require(serial("A")).revision()).isEqualTo("C");
        assertThat(boards.require(serial("B")).siteId()).isEqualTo(site);
        assertThat(boards.history(serial("A")).custody()).hasSize(1);
        for (String rejected : new String[] {"C", "D", "E", "F"}) {
            assertThat(boards.find(serial(rejected))).as(rejected).isEmpty();
        }
    }

    @Test
    void aFileWithTooManyRowsOrTooManyBytesImportsNothingAndSaysSo() {
        StringBuilder csv = new StringBuilder("serial,part_number,revision,status,location_code,site_id\n");
        for (int i = 0; i < 20_001; i++) {
            csv.append(serial("M" + i)).append(",130104205,,AVAILABLE,CTU,\n");
        }
        byte[] tooLong = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLong, (byte) 'x');

        CsvImport.Report manyRows = importer.importFrom(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        CsvImport.Report manyBytes = importer.importFrom(new ByteArrayInputStream(tooLong));

        assertThat(manyRows.imported()).isZero();
        assertThat(manyRows.rejected()).singleElement().asString().containsPattern("20.?001 rows").containsPattern("at most 20.?000");
        assertThat(boards.find(serial("M0"))).isEmpty();
        assertThat(manyBytes.imported()).isZero();
        assertThat(manyBytes.rejected()).singleElement().asString().contains("larger than 5 MB");
    }

    private String serial(String suffix) {
        return "IMP" + run + suffix;
    }
}
