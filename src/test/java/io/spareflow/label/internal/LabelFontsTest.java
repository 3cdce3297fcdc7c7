package io.spareflow.label.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import org.junit.jupiter.api.Test;

/** Chinese on labels needs a font with CJK glyphs: the build installs one, and the renderer must find it. */
class LabelFontsTest {

    @Test
    void chineseTextGetsAFontThatDrawsEveryCharacter() {
        for (String text : new String[] {"成都备件中心", "CDMA2000 基站信道处理板 CHM2（1X/EV-DO）", "乌鲁木齐备件中心"}) {
            Font font = LabelFonts.font(text, Font.BOLD, 40);
            assertThat(font.canDisplayUpTo(text)).as("%s in %s", text, font.getFontName()).isEqualTo(-1);
            assertThat(font.getStyle()).isEqualTo(Font.BOLD);
            assertThat(font.getSize()).isEqualTo(40);
        }
    }

    @Test
    void latinTextKeepsTheSansSerifFont() {
        assertThat(LabelFonts.font("S/N NT1234", Font.PLAIN, 30).getFamily()).isEqualTo(Font.SANS_SERIF);
    }

    @Test
    void anInstalledFamilyDrawsTheChineseOfTheLabels() {
        assertThat(LabelFonts.familyFor(LabelFonts.CHINESE_PROBE)).isPresent();
    }
}
