package io.spareflow.notify.internal;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to readable plain text with a real HTML parser (jsoup): linear in the input, whatever it contains. Paragraphs
 * and list items on their own lines, links spelled out; scripts, styles and comments dropped.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "section", "article", "header", "footer", "main");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html == null ? "" : html);
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new Writer(out), document.body());
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n").trim() + "\n";
    }

    /** The subject of a rendered mail: its {@code <title>}. */
    static String title(String html) {
        return Jsoup.parse(html).title().replaceAll("\\s+", " ").trim();
    }

    private static final class Writer implements NodeVisitor {

        private final StringBuilder out;
        private int skipping;
        private int inLink;

        Writer(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipping++;
                } else if (tag.equals("a")) {
                    inLink++;
                } else if (skipping == 0 && tag.equals("li")) {
                    out.append("\n - ");
                } else if (skipping == 0 && tag.equals("br")) {
                    out.append('\n');
                }
            } else if (node instanceof TextNode text && skipping == 0 && inLink == 0) {
                out.append(text.text());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipping--;
            } else if (tag.equals("a")) {
                inLink--;
                if (skipping == 0 && inLink == 0) {
                    out.append(link(element));
                }
            } else if (skipping == 0 && BLOCKS.contains(tag)) {
                out.append("\n\n");
            }
        }

        /** "text <href>", or just the text when the link is a mail address or repeats the text. */
        private static String link(Element a) {
            String text = a.text();
            String href = a.attr("href").trim();
            if (href.isEmpty() || href.regionMatches(true, 0, "mailto:", 0, 7) || href.equals(text)) {
                return text;
            }
            return text.isBlank() ? href : text + " <" + href + ">";
        }
    }
}
