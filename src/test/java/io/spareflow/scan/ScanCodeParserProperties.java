package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every way a scanner can deliver a board code parses to the same serial and part; anything else is refused cleanly. */
class ScanCodeParserProperties {

    private static final String GS = "\u001D";

    record BoardCode(String serial, String part) {
    }

    record Delivery(String aimPrefix, String separator, boolean leadingFnc1, String suffix, boolean lowercase,
                    boolean serialFirst) {
    }

    @Provide
    Arbitrary<BoardCode> boardCodes() {
        Arbitrary<String> serials = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(1),
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars('-').ofMinLength(3).ofMaxLength(19))
                .as(String::concat);
        Arbitrary<String> parts = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(30)
                .filter(p -> Character.isLetterOrDigit(p.charAt(0)));
        return Combinators.combine(serials, parts).as(BoardCode::new);
    }

    @Provide
    Arbitrary<Delivery> deliveries() {
        return Combinators.combine(
                Arbitraries.of("", "]C1", "]d2", "]Q3", "]c1", "]D2"),
                Arbitraries.of(GS, "{GS}", "{gs}", "<GS>"),
                Arbitraries.of(true, false),
                Arbitraries.of("", "\r", "\n", "\r\n", "\t", "  ", " \r\n"),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Delivery::new);
    }

    @Property
    void everyGs1DeliveryOfABoardCodeReadsTheSameSerialAndPart(@ForAll("boardCodes") BoardCode code,
                                                              @ForAll("deliveries") Delivery delivery) {
        String elements = delivery.serialFirst()
                ? "21" + code.serial() + delivery.separator() + "240" + code.part()
                : "240" + code.part() + delivery.separator() + "21" + code.serial();
        String scanned = delivery.aimPrefix() + (delivery.leadingFnc1() ? GS : "") + elements + delivery.suffix();
        if (delivery.lowercase()) {
            scanned = scanned.toLowerCase(Locale.ROOT);
        }
        ScanCode parsed = ScanCode.parse(scanned);

        assertThat(parsed.serial()).isEqualTo(code.serial());
        assertThat(parsed.partNumber()).isEqualTo(code.part());
        assertThat(parsed.gs1()).isTrue();
    }

    @Property
    void bracketedHumanFormReadsTheSameAsTheElementString(@ForAll("boardCodes") BoardCode code,
                                                         @ForAll boolean lowercase) {
        String bracketed = "(240)" + code.part() + "(21)" + code.serial();
        ScanCode parsed = ScanCode.parse(lowercase ? bracketed.toLowerCase(Locale.ROOT) : bracketed);

        assertThat(parsed).isEqualTo(ScanCode.parse("]d2240" + code.part() + GS + "21" + code.serial()));
    }

    @Property
    void bareSerialReadsItselfUpperCaseWhateverTheSuffix(@ForAll("boardCodes") BoardCode code,
                                                        @ForAll("deliveries") Delivery delivery) {
        String typed = (delivery.lowercase() ? code.serial().toLowerCase(Locale.ROOT) : code.serial()) + delivery.suffix();
        ScanCode parsed = ScanCode.parse(delivery.aimPrefix().equals("]C1") ? "]C0" + typed : typed);

        assertThat(parsed.serial()).isEqualTo(code.serial());
        assertThat(parsed.partNumber()).isNull();
        assertThat(parsed.gs1()).isFalse();
    }

    @Property
    void anyInputIsEitherABoardCodeOrRefusedWithAMessage(@ForAll String anything) {
        try {
            ScanCode parsed = ScanCode.parse(anything);
            assertThat(parsed.serial()).matches("[A-Z0-9][A-Z0-9\\-]{3,39}");
        } catch (UnreadableCodeException refused) {
            assertThat(refused.getMessage()).startsWith("Read ").contains("not a board code");
        }
    }

    @Property
    void aControlCharacterInsideASerialIsRefusedAndShownVisibly(@ForAll("boardCodes") BoardCode code,
                                                               @ForAll("controlCharacters") char control) {
        String scanned = code.serial().substring(0, 2) + control + code.serial().substring(2);

        assertThatThrownBy(() -> ScanCode.parse(scanned)).isInstanceOf(UnreadableCodeException.class)
                .hasMessageContaining("control character").hasMessageContaining(String.format("\\u%04X", (int) control));
    }

    @Provide
    Arbitrary<Character> controlCharacters() {
        return Arbitraries.chars().range('\u0000', '\u001F').filter(c -> !List.of('\t', '\n', '\r', '\u001D').contains(c));
    }

    @Property
    void gtinWithAWrongCheckDigitIsRefusedAndTheRightOneAccepted(@ForAll("boardCodes") BoardCode code,
                                                                @ForAll("thirteenDigits") String digits,
                                                                @ForAll("wrongOffsets") int offset) {
        int check = io.spareflow.common.Gtin.checkDigit(digits);
        String good = digits + check;
        String bad = digits + (check + offset) % 10;

        assertThat(ScanCode.parse("]C1" + "01" + good + "21" + code.serial()).gtin()).isEqualTo(good);
        assertThatThrownBy(() -> ScanCode.parse("]C1" + "01" + bad + "21" + code.serial()))
                .isInstanceOf(UnreadableCodeException.class).hasMessageContaining("check digit");
    }

    @Provide
    Arbitrary<String> thirteenDigits() {
        return Arbitraries.strings().numeric().ofLength(13);
    }

    @Provide
    Arbitrary<Integer> wrongOffsets() {
        return Arbitraries.integers().between(1, 9);
    }

    @Property
    void aGs1CodeWithoutSerialIsRefused(@ForAll("boardCodes") BoardCode code) {
        assertThatThrownBy(() -> ScanCode.parse(GS + "240" + code.part())).isInstanceOf(UnreadableCodeException.class)
                .hasMessageContaining("without a (21) serial");
    }
}
