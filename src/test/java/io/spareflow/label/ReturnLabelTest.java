package io.spareflow.label;

import static io.spareflow.label.LabelTools.assertGs1Conformant;
import static io.spareflow.label.LabelTools.bracketed;
import static io.spareflow.label.LabelTools.dataMatrices;
import static io.spareflow.label.LabelTools.rasterise;
import static io.spareflow.label.LabelTools.renderZpl;
import static io.spareflow.label.LabelTools.zbar;
import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.part.Parts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The return label of a case's defective board: addressed to the repair center that will take it, from the customer's
 * site, with the case number as Code 128 and a GS1 DataMatrix (01)(21)(400) that binds the box to its case; read by
 * independent decoders from PNG, PDF and rendered ZPL, and GS1-conformant by BWIPP's linter.
 */
@SpareflowIntegrationTest
class ReturnLabelTest {

    private static final String OPTICAL_PART = "310200731";
    private static final String MOBILE_PART = "220301406";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Parts parts;
    @Autowired
    ReturnLabels returnLabels;
    @TempDir
    Path dir;

    @Test
    void theReturnLabelDecodesFromPngPdfAndRenderedZpl() throws Exception {
        String serial = installedInCairo(OPTICAL_PART, "RTN");
        String number = report(serial);

        Path png = Files.write(dir.resolve("return.png"), get("/api/cases/" + number + "/return-label.png").getBody());
        Path page = rasterise(Files.write(dir.resolve("return.pdf"), get("/api/cases/" + number + "/return-label.pdf").getBody())).get(0);
        byte[] zpl = get("/api/cases/" + number + "/return-label.zpl").getBody();
        Path printed = renderZpl(zpl, 4, 6, dir, "return");

        for (Path image : List.of(png, page, printed)) {
            assertThat(zbar(image)).as("Code 128 on %s", image).contains("CODE-128:" + number);
            List<String> codes = dataMatrices(image, 1);
            assertThat(codes).hasSize(1);
            assertThat(bracketed(codes.get(0))).isEqualTo("(01)" + parts.require(OPTICAL_PART).gtin() + "(21)" + serial
                    + "(400)" + number);
            assertGs1Conformant(codes);
        }
    }

    /** Ship to the nearest repair center certified for the board's product line; Dubai repairs mobile, not optical. */
    @Test
    void theLabelNamesTheRepairCenterThatTakesTheBoardTheSiteAndTheExpectedSerial() {
        String optical = installedInCairo(OPTICAL_PART, "RTO");
        String mobile = installedInCairo(MOBILE_PART, "RTM");

        String opticalLabel = zplOf(report(optical));
        String mobileLabel = zplOf(report(mobile));

        assertThat(mobileLabel).contains("(RC-DXB)");
        assertThat(opticalLabel).doesNotContain("(RC-DXB)").containsAnyOf("(RC-SZX)", "(RC-NKG)");
        assertThat(opticalLabel).contains("SHIP TO (REPAIR CENTER)").contains("FROM (CUSTOMER SITE)")
                .contains("Telecom Egypt").contains("Cairo Ramses exchange").contains("Cairo, EG")
                .contains("Expected board: S/N " + optical + ", part " + OPTICAL_PART + " rev. E").doesNotContain("{");
    }

    @Test
    void aSerialOverTwentyCharactersLeavesTheSerialOutOfTheGs1CodeAndSaysSo() throws Exception {
        String serial = installedInCairo(OPTICAL_PART, "RETURN-LONG-SERIAL-");
        assertThat(serial.length()).isGreaterThan(20);
        String number = report(serial);

        Path png = Files.write(dir.resolve("long.png"), get("/api/cases/" + number + "/return-label.png").getBody());
        List<String> codes = dataMatrices(png, 1);
        assertThat(bracketed(codes.get(0))).isEqualTo("(01)" + parts.require(OPTICAL_PART).gtin() + "(400)" + number);
        assertGs1Conformant(codes);
        assertThat(zplOf(number)).contains("S/N over 20 characters").contains("S/N " + serial);
    }

    @Test
    void theJavaApiGivesTheMailAttachmentAsPdf() {
        String number = report(installedInCairo(OPTICAL_PART, "RTAPI"));

        byte[] english = returnLabels.pdf(number);
        byte[] chinese = returnLabels.pdf(number, Locale.SIMPLIFIED_CHINESE);

        assertThat(new String(english, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(chinese, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aClosedOrUnknownCaseHasNoReturnLabel() {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        String number = (String) CaseFixtures.report(http, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Chengdu"),
                serial).get("number");
        CaseFixtures.resolveRemotelyAndClose(http, number);

        ResponseEntity<String> closed = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/cases/" + number + "/return-label.pdf", String.class);
        ResponseEntity<String> unknown = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/cases/RMA-1999-999999/return-label.pdf", String.class);
        ResponseEntity<String> format = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/cases/" + number + "/return-label.gif", String.class);

        assertThat(closed.getStatusCode().value()).isEqualTo(409);
        assertThat(closed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(closed.getBody()).contains(number).contains("CLOSED").contains("no return label");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(format.getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/api/cases/" + number + "/return-label.pdf", String.class).getStatusCode().value())
                .as("staff only").isEqualTo(401);
    }

    private String installedInCairo(String part, String prefix) {
        String serial = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        boards.register(new NewBoard(serial, part, null, BoardStatus.INSTALLED, null,
                CaseFixtures.siteOf(customers, "TE-EG", "Cairo")));
        return serial;
    }

    private String report(String serial) {
        return (String) CaseFixtures.report(http, "TE-EG", CaseFixtures.siteOf(customers, "TE-EG", "Cairo"), serial)
                .get("number");
    }

    private String zplOf(String number) {
        return new String(get("/api/cases/" + number + "/return-label.zpl").getBody(), StandardCharsets.UTF_8);
    }

    private ResponseEntity<byte[]> get(String path) {
        ResponseEntity<byte[]> response = http.withBasicAuth("depot-CTU", "demo").getForEntity(path, byte[].class);
        assertThat(response.getStatusCode().value()).as(path + ": " + new String(response.getBody() == null ? new byte[0]
                : response.getBody(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response;
    }
}
