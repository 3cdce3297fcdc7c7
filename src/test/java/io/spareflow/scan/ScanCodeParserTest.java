package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScanCodeParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SZ2114000417", "sz2114000417\r\n", "  SZ2114000417\t", "]C0SZ2114000417",
            "\u001D240130103811\u001D21SZ2114000417", "240130103811\u001D21SZ2114000417\r",
            "]d2240130103811\u001D21SZ2114000417", "]Q3240130103811{GS}21SZ2114000417",
            "]C1240130103811{GS}21sz2114000417\n", "(240)130103811(21)SZ2114000417", "(21)SZ2114000417",
            "]d221SZ2114000417", "]C10109501101530003" + "21SZ2114000417"})
    void readsTheSerialOfEveryScannerForm(String scanned) {
        assertThat(ScanCode.parse(scanned).serial()).isEqualTo("SZ2114000417");
    }

    @Test
    void readsThePartNumberFromGs1() {
        ScanCode code = ScanCode.parse("]d2240130103811\u001D21SZ2114000417\u001D7022B");
        assertThat(code.partNumber()).isEqualTo("130103811");
        assertThat(code.elements()).containsEntry("7022", "B");
    }

    @Test
    void refusesEmptyAndBlank() {
        assertThatThrownBy(() -> ScanCode.parse("")).hasMessage("Read nothing: not a board code, nothing was read");
        assertThatThrownBy(() -> ScanCode.parse(" \r\n")).hasMessageContaining("only spaces or line ends");
    }

    @Test
    void refusesTooLongCodes() {
        assertThatThrownBy(() -> ScanCode.parse("A".repeat(201))).isInstanceOf(UnreadableCodeException.class)
                .hasMessageContaining("201 characters").hasMessageContaining("too long");
    }

    @Test
    void refusesAWrongGtinCheckDigitNamingTheExpectedOne() {
        assertThatThrownBy(() -> ScanCode.parse("]C10109501101530009" + "21SZ2114000417"))
                .hasMessageContaining("(01) GTIN 09501101530009 fails its check digit (expected 3)");
    }

    @Test
    void refusesGs1WithoutSerialAndShowsSeparators() {
        assertThatThrownBy(() -> ScanCode.parse("\u001D240130103811\u001D10LOT7"))
                .hasMessage("Read '<GS>240130103811<GS>10LOT7': not a board code, a GS1 code without a (21) serial number"
                        + " (read [(240), (10)])");
    }

    @Test
    void explainsJoinedFieldsWhenAScannerDropsSeparators() {
        assertThatThrownBy(() -> ScanCode.parse("]d224013010381121SZ2114000417XXXXXXXXXX"))
                .hasMessageContaining("configure it to send GS or {GS}");
    }

    @Test
    void refusesWhatIsNotABoardSerial() {
        assertThatThrownBy(() -> ScanCode.parse("https://example.com/x"))
                .hasMessageStartingWith("Read 'https://example.com/x': not a board code");
        assertThatThrownBy(() -> ScanCode.parse("(99)ABC(21)SZ2114000417")).hasMessageContaining("(99)");
    }
}
