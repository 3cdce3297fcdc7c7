package io.spareflow.notify.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a mail from its Thymeleaf template {@code templates/mail/<locale>/<name>.html}: the {@code <title>} is the
 * subject, the body is the HTML part, and the plain-text part is derived from it. A locale without its own template
 * falls back to English, so a Chinese template can be added as a file, without code.
 */
@Component
class MailRenderer {

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
        String subject = HtmlText.title(html);
        return new RenderedMail(subject.isEmpty() ? path.substring(path.lastIndexOf('/') + 1) : subject,
                HtmlText.toText(html), html);
    }
}
