package io.spareflow.notify.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a mail from its Thymeleaf template {@code templates/mail/<locale>/<name>.html}: the {@code <title>} is the
 * subject, the body is the HTML part, and the plain-text part is derived from it. A locale without its own template
 * falls back to English, so a Chinese template can be added as a file, without code.
 */
@Component
class MailRenderer {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body>", Pattern.DOTALL);

    private final ITemplateEngine templates;

    MailRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    RenderedMail render(String name, String locale, Map<String, Object> variables) {
        String requested = locale == null || locale.isBlank() ? "en" : locale.trim();
        String language = requested.toLowerCase(Locale.ROOT);
        if (!new ClassPathResource("templates/mail/" + language + "/" + name + ".html").exists()) {
            language = "en";
        }
        // The recipient's locale, not the template's folder: a template whose texts come from the message bundles
        // (#{...}) speaks the recipient's language from the one English file.
        return renderIn("mail/" + language + "/" + name, Locale.forLanguageTag(requested), variables);
    }

    /**
     * Renders the template at {@code path} (under {@code templates/}) in {@code locale}: for templates whose every
     * text is a message key, so one template serves every language.
     */
    RenderedMail renderIn(String path, Locale locale, Map<String, Object> variables) {
        String html = templates.process(path, new Context(locale, variables));
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher title = TITLE.matcher(html);
        String subject = title.find() ? HtmlUtils.htmlUnescape(title.group(1).replaceAll("\\s+", " ").trim()) : name;
        return new RenderedMail(subject, toText(html), html);
    }

    /** A readable plain-text alternative: paragraphs and list items on their own lines, links spelled out. */
    static String toText(String html) {
        Matcher body = BODY.matcher(html);
        String text = body.find() ? body.group(1) : html;
        text = text.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?i)<a [^>]*href=\"mailto:[^\"]*\"[^>]*>(.*?)</a>", "$1")
                .replaceAll("(?i)<a [^>]*href=\"([^\"]*)\"[^>]*>\\1</a>", "$1")
                .replaceAll("(?i)<a [^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2 <$1>")
                .replaceAll("(?i)<li[^>]*>", "\n - ")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</p>|</ul>|</div>", "\n\n")
                .replaceAll("<[^>]+>", "");
        text = HtmlUtils.htmlUnescape(text);
        return text.replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").trim() + "\n";
    }
}
