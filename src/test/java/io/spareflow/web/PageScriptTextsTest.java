package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Page scripts take every word a person reads from the page (data attributes rendered from the bundles), never from a
 * string literal of their own. The check is a heuristic over the string literals of our scripts ({@code static/js},
 * not the vendored libraries) and of the inline scripts of the templates: a literal is a text a person reads when it
 * holds a Chinese character, or two or more words (apart by spaces) and either an upper-case letter, sentence
 * punctuation or a third word. Code-like literals pass: {@code 'use strict'}, CSS selectors (starting with
 * {@code # . [}, or lists such as {@code 'input, select, button'}) and class lists (lower-case words such as
 * {@code 'small muted'}).
 */
class PageScriptTextsTest {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"|`((?:[^`\\\\]|\\\\.)*)`");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)(^|[^:\\\\])//[^\\n]*");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SELECTOR_LIST = Pattern.compile("[a-z0-9_#.\\[\\]=-]+(\\s*,\\s*[a-z0-9_#.\\[\\]=-]+)+");

    @Test
    void scriptsCarryNoTextAPersonReads() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/static/js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                readable(Files.readString(script)).forEach(text -> found.add(script.getFileName() + ": " + text));
            }
        }
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Matcher inline = INLINE_SCRIPT.matcher(Files.readString(template));
                while (inline.find()) {
                    readable(inline.group(1)).forEach(text -> found.add(template.getFileName() + " <script>: " + text));
                }
            }
        }
        assertThat(found).as("texts in page scripts: take them from data attributes rendered from the message bundles")
                .isEmpty();
    }

    @Test
    void theHeuristicTellsTextFromCode() {
        assertThat(readable("el.textContent = 'Scan refused'; x = \"已接收\"; y = `Put on shelf, then scan ${a}`;"))
                .containsExactly("Scan refused", "已接收", "Put on shelf, then scan ${a}");
        assertThat(readable("'use strict'; el.className = 'small muted'; q('#by-state thead tr'); f('.task p'); "
                + "fetch('/api/scans'); h['Content-Type'] = 'application/json'; q('input, select, button, a'); // a comment's 'Words Here'"))
                .isEmpty();
    }

    private static List<String> readable(String script) {
        Matcher literal = LITERAL.matcher(LINE_COMMENT.matcher(script).replaceAll("$1"));
        List<String> texts = new ArrayList<>();
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2) != null ? literal.group(2) : literal.group(3);
            if (isReadable(text)) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static boolean isReadable(String text) {
        if (HAN.matcher(text).find()) {
            return true;
        }
        String trimmed = text.strip();
        if (trimmed.equals("use strict") || trimmed.startsWith("#") || trimmed.startsWith(".") || trimmed.startsWith("[")
                || SELECTOR_LIST.matcher(trimmed).matches()) {
            return false;
        }
        long words = SPACE.splitAsStream(trimmed).filter(token -> WORD.matcher(token).find()).count();
        return words >= 3 || (words >= 2 && (!trimmed.equals(trimmed.toLowerCase()) || trimmed.matches(".*[.,:;!?].*")));
    }
}
