package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No page template carries text a person reads outside message keys: every text node that Thymeleaf keeps (not one
 * that {@code th:text} and its kin replace), every human-readable attribute (title, placeholder, aria-label, alt, an
 * input button's value) and every literal inside the expressions that write such texts must come from {@code #{…}}; and
 * every key a template names exists. Mail templates are the mail's own (their per-locale folders).
 */
class TemplateTextsTest {

    /** Attributes whose content replaces the element's own: what the template shows there is only a prototype. */
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:remove", "sec:authentication");
    private static final List<String> READABLE_ATTRIBUTES = List.of("title", "placeholder", "aria-label", "alt");
    /** Words that are the same in every language: the product's name. */
    private static final Set<String> NAMES = Set.of("Spareflow");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)|#messages\\.msg\\('([A-Za-z0-9_.\\-]+)'");

    static Stream<String> templates() throws IOException {
        Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(pages).isNotEmpty();
        return Stream.of(pages).map(TemplateTextsTest::path).filter(p -> !p.contains("/mail/")).sorted();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyTextIsAMessageKey(String template) throws IOException {
        Document page = Jsoup.parse(read(template), "", Parser.htmlParser());
        List<String> literals = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && readable(text.text()) && !replaced(text)) {
                    literals.add("text \"" + text.text().strip() + "\" in <" + ((Element) text.parent()).tagName() + ">");
                }
                if (node instanceof Element element) {
                    literals.addAll(literalAttributes(element));
                }
            }
        }, page);
        assertThat(literals).as("literal texts in %s (write them as #{key} in i18n/pages)", template).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyKeyItNamesExists(String template) throws IOException {
        Properties english = bundles();
        Matcher key = KEY.matcher(read(template));
        List<String> missing = new ArrayList<>();
        while (key.find()) {
            String name = key.group(1) != null ? key.group(1) : key.group(2);
            // A prefix ending in '.' completed by a value (#messages.msg('a.' + x)) needs keys under it; MessageBundlesTest
            // checks that every value of the enums named so has its key.
            boolean known = name.endsWith(".") ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(name))
                    : english.containsKey(name);
            if (!name.contains("__") && !known) {
                missing.add(name);
            }
        }
        assertThat(missing).as("message keys of %s missing in the bundles", template).isEmpty();
    }

    private static List<String> literalAttributes(Element element) {
        List<String> found = new ArrayList<>();
        for (String name : READABLE_ATTRIBUTES) {
            if (element.hasAttr(name) && readable(element.attr(name))) {
                found.add(name + "=\"" + element.attr(name) + "\" on <" + element.tagName() + ">");
            }
        }
        // An input button shows its value; a <button> shows its content (checked as text) and only submits its value.
        boolean button = element.tagName().equals("input") && Set.of("submit", "button", "reset").contains(element.attr("type"));
        if (button && element.hasAttr("value") && readable(element.attr("value"))) {
            found.add("value=\"" + element.attr("value") + "\" on <" + element.tagName() + ">");
        }
        for (String name : Stream.concat(Stream.of("th:text", "th:utext"), READABLE_ATTRIBUTES.stream().map(a -> "th:" + a)).toList()) {
            if (element.hasAttr(name)) {
                expressionLiterals(element.attr(name)).forEach(l -> found.add(name + " literal \"" + l + "\" on <" + element.tagName() + ">"));
            }
        }
        return found;
    }

    /**
     * Text written into the page by an expression itself: the literal parts of {@code |…|} substitutions and quoted
     * strings — except one compared against ({@code == 'OPEN'}) or passed to a function (a key, a date pattern).
     */
    private static List<String> expressionLiterals(String expression) {
        List<String> found = new ArrayList<>();
        String outsideExpressions = expression.replaceAll("[$#*@~]\\{[^}]*}", " ");
        Matcher bar = Pattern.compile("\\|([^|]*)\\|").matcher(outsideExpressions);
        while (bar.find()) {
            if (readable(bar.group(1))) {
                found.add(bar.group(1).strip());
            }
        }
        Matcher quoted = QUOTED.matcher(expression.replaceAll("\\|[^|]*\\|", " "));
        while (quoted.find()) {
            String before = expression.substring(0, Math.max(0, expressionStart(expression, quoted.group()))).stripTrailing();
            boolean argument = before.endsWith("==") || before.endsWith("!=") || before.endsWith("(") || before.endsWith(",");
            if (readable(quoted.group(1)) && !argument && !insideMessageKey(before)) {
                found.add(quoted.group(1));
            }
        }
        return found;
    }

    /** Whether the text ending in {@code before} is inside a {@code #{…}} whose key is computed ({@code #{${'a.' + x}}}). */
    private static boolean insideMessageKey(String before) {
        int open = before.lastIndexOf("#{");
        return open >= 0 && before.indexOf('}', open) < 0;
    }

    private static int expressionStart(String expression, String quoted) {
        return expression.indexOf(quoted);
    }

    private static boolean replaced(TextNode text) {
        for (Node n = text.parent(); n instanceof Element element; n = element.parent()) {
            if (REPLACING.stream().anyMatch(element::hasAttr)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a person would read it as words: a letter of any script, beyond the product's name and codes that are
     * the same in every language (all capitals: PDF, ZPL, RMA).
     */
    private static boolean readable(String text) {
        String words = text;
        for (String name : NAMES) {
            words = words.replace(name, " ");
        }
        return words.codePoints().anyMatch(c -> Character.isLetter(c) && !(c >= 'A' && c <= 'Z'));
    }

    private static Properties bundles() throws IOException {
        Properties all = new Properties();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            if (!bundle.getFilename().contains("_")) {
                try (InputStream in = bundle.getInputStream()) {
                    all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        return all;
    }

    private static String read(String template) throws IOException {
        try (InputStream in = TemplateTextsTest.class.getClassLoader().getResourceAsStream(template)) {
            assertThat(in).as(template).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String path(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("templates/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
