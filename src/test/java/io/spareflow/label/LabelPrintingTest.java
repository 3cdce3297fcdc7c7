package io.spareflow.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.scan.ScanCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
 * Every label the service prints must be read by independent decoders: zbarimg (Code 128, QR; Debian zbar-tools) and
 * dmtxread --gs1=29 (GS1 DataMatrix; Debian dmtx-utils). PDFs are rasterised with pdftoppm (poppler-utils).
 */
@SpareflowIntegrationTest
class LabelPrintingTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Boards boards;
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2x1", "4x2"})
    void boardLabelPngDecodesWithIndependentDecoders(String size) throws Exception {
        String serial = newBoard("LBL");
        Path png = save(get("/api/boards/" + serial.toLowerCase() + "/label.png?size=" + size), "label.png");

        assertThat(run("zbarimg", "--quiet", png.toString())).contains("CODE-128:" + serial);
        ScanCode dataMatrix = ScanCode.parse(run("dmtxread", "--gs1=29", "-N", "1", png.toString()));
        assertThat(dataMatrix.serial()).isEqualTo(serial);
        assertThat(dataMatrix.partNumber()).isEqualTo("130104205");
    }

    @Test
    void aSerialTooLongForTheSmallLabelIsRefusedAndPrintsOnTheLargeOne() throws Exception {
        String serial = newBoard("LONG-SERIAL-NUMBER-OF-A-BOARD-");
        ResponseEntity<byte[]> small = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/boards/" + serial + "/label.png?size=2x1", byte[].class);
        assertThat(small.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new String(small.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains(serial).contains("4x2");

        Path png = save(get("/api/boards/" + serial + "/label.png?size=4x2"), "long.png");
        assertThat(run("zbarimg", "--quiet", png.toString())).contains("CODE-128:" + serial);
        assertThat(ScanCode.parse(run("dmtxread", "--gs1=29", "-N", "1", png.toString())).serial()).isEqualTo(serial);
    }

    @Test
    void boardLabelPdfDecodesAfterRasterising() throws Exception {
        String serial = newBoard("LBLPDF");
        ResponseEntity<byte[]> pdf = get("/api/boards/" + serial + "/label.pdf?size=4x2");

        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Path page = rasterise(save(pdf, "label.pdf")).get(0);
        assertThat(run("zbarimg", "--quiet", page.toString())).contains("CODE-128:" + serial);
        assertThat(ScanCode.parse(run("dmtxread", "--gs1=29", "-N", "1", page.toString())).serial()).isEqualTo(serial);
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
        String codes = run("zbarimg", "--quiet", page.toString());
        serials.forEach(serial -> assertThat(codes).contains("CODE-128:" + serial));
        String dataMatrices = run("dmtxread", "--gs1=29", "-N", "3", page.toString());
        serials.forEach(serial -> assertThat(dataMatrices).contains("21" + serial));
    }

    @Test
    void shippingLabelCarriesTrackingBarcodeAndLink() throws Exception {
        String tracking = "SF" + UUID.randomUUID().toString().substring(0, 10).toUpperCase().replace("-", "");
        String link = "https://track.example.com/shipments/" + tracking + "?lang=en";
        ResponseEntity<byte[]> png = get("/api/labels/shipping.png?from=CTU&to=RC-SZX&trackingNumber=" + tracking
                + "&caseNumber=RMA-2026-000123&trackingUrl=" + link);

        String codes = run("zbarimg", "--quiet", save(png, "shipping.png").toString());
        assertThat(codes).contains("CODE-128:" + tracking).contains("QR-Code:" + link);
        ResponseEntity<byte[]> zpl = get("/api/labels/shipping.zpl?from=CTU&to=RC-SZX&trackingNumber=" + tracking
                + "&caseNumber=RMA-2026-000123&trackingUrl=" + link);
        String program = new String(zpl.getBody(), StandardCharsets.UTF_8);
        assertThat(program).startsWith("^XA").contains("^FD" + tracking + "^FS").contains("Shenzhen Repair Center (RC-SZX)")
                .contains("CASE RMA-2026-000123").doesNotContain("{");
    }

    @Test
    void boardLabelZplCarriesTheGs1DataMatrixAndTheSerial() {
        String serial = newBoard("LBLZPL");
        String program = new String(get("/api/boards/" + serial + "/label.zpl?size=4x2").getBody(), StandardCharsets.UTF_8);

        assertThat(program).contains("^FD_1240130104205_121" + serial + "^FS").contains("^BCN").contains("^FD" + serial + "^FS")
                .doesNotContain("{");
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

    private String newBoard(String prefix) {
        String serial = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.AVAILABLE, "CTU", null));
        return serial;
    }

    private ResponseEntity<byte[]> get(String path) {
        ResponseEntity<byte[]> response = http.withBasicAuth("depot-CTU", "demo").getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response;
    }

    private Path save(ResponseEntity<byte[]> response, String name) throws IOException {
        return Files.write(dir.resolve(name), response.getBody());
    }

    private List<Path> rasterise(Path pdf) throws Exception {
        run("pdftoppm", "-r", "300", "-png", pdf.toString(), dir.resolve("page").toString());
        try (var pages = Files.list(dir)) {
            return pages.filter(p -> p.getFileName().toString().startsWith("page")).sorted().toList();
        }
    }

    /** Runs a decoder; its standard output, or a failure naming the command and what it said. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed: " + err + out).isZero();
        return out;
    }
}
