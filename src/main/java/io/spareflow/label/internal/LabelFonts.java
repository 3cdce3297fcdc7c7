package io.spareflow.label.internal;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Optional;

/**
 * The font a label's text is drawn in: the logical sans-serif font, or, for text it has no glyphs for (Chinese, where
 * the JDK's font configuration names no CJK font), an installed font that has them. The build installs one
 * ({@code fonts-wqy-microhei}, scripts/test-tools.sh); without any, the text would print as empty boxes.
 */
final class LabelFonts {

    /** Preferred CJK families, best first; any other installed family that can draw the text also serves. */
    private static final String[] CJK_FAMILIES = {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "WenQuanYi Zen Hei", "AR PL UMing CN"};

    /** Chinese a label prints (names of places and boards), to find a family that draws it, once per JVM. */
    static final String CHINESE_PROBE = "成都备件中心基站信道处理板维修";

    private LabelFonts() {
    }

    /** Looked up once, on first use: listing the installed fonts takes a while. */
    private static final class Cjk {
        static final Optional<String> FAMILY = familyFor(CHINESE_PROBE);
    }

    static Font font(String text, int style, int size) {
        Font sans = new Font(Font.SANS_SERIF, style, size);
        if (sans.canDisplayUpTo(text) == -1) {
            return sans;
        }
        return Cjk.FAMILY.map(family -> new Font(family, style, size)).filter(font -> font.canDisplayUpTo(text) == -1)
                .orElse(sans);
    }

    static Optional<String> familyFor(String text) {
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.stream(CJK_FAMILIES).filter(family -> Arrays.asList(installed).contains(family))
                .filter(family -> new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1).findFirst()
                .or(() -> Arrays.stream(installed).filter(family -> new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1)
                        .findFirst());
    }
}
