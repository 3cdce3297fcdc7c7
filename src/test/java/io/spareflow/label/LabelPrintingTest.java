package io.spareflow.label;

import static io.spareflow.label.LabelTools.assertGs1Conformant;
import static io.spareflow.label.LabelTools.dataMatrices;
import static io.spareflow.label.LabelTools.rasterise;
import static io.spareflow.label.LabelTools.renderZpl;
import static io.spareflow.label.LabelTools.zbar;
import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.part.Parts;
import io.spareflow.scan.ScanCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every label the service prints must be read by independent decoders, from PNG, from the PDF rasterised and from the
 * ZPL rendered as a Zebra printer prints it: zbarimg (Code 128, QR), dmtxread --gs1=29 (GS1 DataMatrix), and every
 * GS1 element string read back must pass BWIPP's GS1 linter (see {@link LabelTools}).
 */
@SpareflowIntegrationTest
class LabelPrintingTest {

    private static final String PART = "130104205";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Boards boards;
    @Autowired
    Parts parts;
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2x1", "4x2"})
    void boardLabelPngCarriesAConformantGs1DataMatrix(String size) throws Exception {
        String serial = newBoard("LBL");
        Path png = save(get("/api/boards/" + serial.toLowerCase() + "/label.png?size=" + size), "label.png");

        assertThat(zbar(png)).contains("CODE-128:" + serial);
        assertBoardDataMatrix(dataMatrices(png, 1), serial);
    }

    @ParameterizedTest
    @CsvSource({"2x1, 2.0, 1.0", "4x2, 4.0, 2.0"})
    void boardLabelZplRenderedByAZplRendererDecodes(String size, double widthIn, double heightIn) throws Exception {
        String serial = newBoard("LBLZPL");
        byte[] zpl = get("/api/boards/" + serial + "/label.zpl?size=" + size).getBody();

        assertThat(new String(zpl, StandardCharsets.UTF_8)).startsWith("^XA").doesNotContain("{");
        Path printed = renderZpl(zpl, widthIn, heightIn, dir, "board-" + size);
        assertThat(zbar(printed)).contains("CODE-128:" + serial);
        assertBoardDataMatrix(dataMatrices(printed, 1), serial);
    }

    @Test
    void boardLabelPdfDecodesAfterRasterising() throws Exception {
        String serial = newBoard("LBLPDF");
        ResponseEntity<byte[]> pdf = get("/api/boards/" + serial + "/label.pdf?size=4x2");

        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Path page = rasterise(save(pdf, "label.pdf")).get(0);
        assertThat(zbar(page)).contains("CODE-128:" + serial);
        assertBoardDataMatrix(dataMatrices(page, 1), serial);
    }

    /**
     * A Chinese reader's label: the human-readable description is the part's Chinese one, drawn with a CJK font, and
     * the barcodes are the same as on the English label and still decode, from PNG and from the PDF.
     */
    @Test
    void aChineseLabelCarriesTheChineseDescriptionAndItsBarcodesStillDecode() throws Exception {
        String serial = newBoard("LBLZH");
        assertThat(parts.require(PART).descriptionZh()).isEqualTo("CDMA 基站控制与时钟板 CCM");
        Path chinese = save(get("/api/boards/" + serial + "/label.png?size=4x2", "zh-CN"), "zh.png");
        Path english = save(get("/api/boards/" + serial + "/label.png?size=4x2", "en"), "en.png");

        assertThat(zbar(chinese)).contains("CODE-128:" + serial);
        assertBoardDataMatrix(dataMatrices(chinese, 1), serial);
        assertThat(LabelTools.differingRows(chinese, english)).as("only the description line differs")
                .isNotEmpty().allSatisfy(row -> assertThat(row).isBetween(120, 190));
        Path page = rasterise(save(get("/api/boards/" + serial + "/label.pdf?size=4x2", "zh-CN"), "zh.pdf")).get(0);
        assertThat(zbar(page)).contains("CODE-128:" + serial);
        assertBoardDataMatrix(dataMatrices(page, 1), serial);
    }

    /** GS1 allows 20 characters in (21): a longer serial is printed as Code 128 only, and the label says why. */
    @Test
    void aSerialOverTwentyCharactersGetsCode128OnlyAndNoGs1() throws Exception {
        String serial = newBoard("LONGSERIAL21-");
        assertThat(serial.length()).isBetween(21, 40);
        for (String size : List.of("2x1", "4x2")) {
            Path png = save(get("/api/boards/" + serial + "/label.png?size=" + size), "long-" + size + ".png");
            assertThat(zbar(png)).contains("CODE-128:" + serial);
            assertThat(LabelTools.noDataMatrix(png)).as("no DataMatrix on the %s label", size).isTrue();

            String zpl = new String(get("/api/boards/" + serial + "/label.zpl?size=" + size).getBody(), StandardCharsets.UTF_8);
            assertThat(zpl).doesNotContain("^BX").contains("Code 128 only: S/N over 20 characters").doesNotContain("{");
        }
    }

    @Test
    void aSerialTooLongForTheSmallLabelIsRefusedAndPrintsOnTheLargeOne() throws Exception {
        String serial = newBoard("LONG-SERIAL-NUMBER-OF-A-BOARD-");
        ResponseEntity<byte[]> small = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/boards/" + serial + "/label.png?size=2x1", byte[].class);
        assertThat(small.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new String(small.getBody(), StandardCharsets.UTF_8)).contains(serial).contains("4x2");

        Path png = save(get("/api/boards/" + serial + "/label.png?size=4x2"), "long.png");
        assertThat(zbar(png)).contains("CODE-128:" + serial);
    }

    @Test
    void anA4SheetCarriesEveryLabelReadably() throws Exception {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            serials.add(newBoard("SHEET" + i));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<byte[]> sheet = http.withBasicAuth("depot-CTU", "demo").exchange("/api/labels/sheet",
                HttpMethod.POST, new HttpEntity<>(Map.of("serials", serials, "size", "4x2"), headers), byte[].class);

        assertThat(sheet.getStatusCode().value()).isEqualTo(200);
        Path page = rasterise(save(sheet, "sheet.pdf")).get(0);
        String codes = zbar(page);
        serials.forEach(serial -> assertThat(codes).contains("CODE-128:" + serial));
        List<String> dataMatrices = dataMatrices(page, 3);
        assertThat(dataMatrices.stream().map(code -> ScanCode.parse(code).serial())).containsExactlyInAnyOrderElementsOf(serials);
        assertGs1Conformant(dataMatrices);
    }

    @Test
    void shippingLabelCarriesTrackingBarcodeAndLinkInEveryFormat() throws Exception {
        String tracking = "SF" + UUID.randomUUID().toString().substring(0, 10).toUpperCase().replace("-", "");
        String link = "https://track.example.com/shipments/" + tracking + "?lang=en";
        String query = "?from=CTU&to=RC-SZX&trackingNumber=" + tracking + "&caseNumber=RMA-2026-000123&trackingUrl=" + link;

        assertThat(zbar(save(get("/api/labels/shipping.png" + query), "shipping.png")))
                .contains("CODE-128:" + tracking).contains("QR-Code:" + link);
        assertThat(zbar(rasterise(save(get("/api/labels/shipping.pdf" + query), "shipping.pdf")).get(0)))
                .contains("CODE-128:" + tracking).contains("QR-Code:" + link);
        byte[] zpl = get("/api/labels/shipping.zpl" + query).getBody();
        assertThat(new String(zpl, StandardCharsets.UTF_8)).startsWith("^XA").contains("Shenzhen Repair Center (RC-SZX)")
                .contains("CASE RMA-2026-000123").doesNotContain("{");
        assertThat(zbar(renderZpl(zpl, 4, 6, dir, "shipping"))).contains("CODE-128:" + tracking).contains("QR-Code:" + link);
    }

    @Test
    void anUnknownSizeOrBoardIsAClearError() {
        String serial = newBoard("LBLERR");
        ResponseEntity<String> size = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/boards/" + serial + "/label.png?size=3x3", String.class);
        ResponseEntity<String> board = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/boards/NO-SUCH-BOARD-XYZ/label.png", String.class);

        assertThat(size.getStatusCode().value()).isEqualTo(400);
        assertThat(size.getBody()).contains("2x1").contains("4x2");
        assertThat(board.getStatusCode().value()).isEqualTo(404);
    }

    /** The board DataMatrix read back: (01) the part's GTIN, (21) the serial, (240) the part number, GS1-conformant. */
    private void assertBoardDataMatrix(List<String> decoded, String serial) throws Exception {
        assertThat(decoded).hasSize(1);
        ScanCode code = ScanCode.parse(decoded.get(0));
        assertThat(code.serial()).isEqualTo(serial);
        assertThat(code.partNumber()).isEqualTo(PART);
        assertThat(code.gtin()).isEqualTo(parts.require(PART).gtin());
        assertGs1Conformant(decoded);
    }

    private String newBoard(String prefix) {
        String serial = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, PART, null, BoardStatus.AVAILABLE, "CTU", null));
        return serial;
    }

    private ResponseEntity<byte[]> get(String path) {
        ResponseEntity<byte[]> response = http.withBasicAuth("depot-CTU", "demo").getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response;
    }

    private ResponseEntity<byte[]> get(String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<byte[]> response = http.withBasicAuth("depot-CTU", "demo").exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response;
    }

    private Path save(ResponseEntity<byte[]> response, String name) throws IOException {
        return Files.write(dir.resolve(name), response.getBody());
    }
}
