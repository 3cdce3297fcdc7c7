package io.spareflow.label.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The label templates of the top-level {@code labels/} folder (on the classpath as {@code labels/}): a layout
 * ({@code <name>.json}) for PNG and PDF and a ZPL template ({@code <name>.zpl}) per label. Loaded once.
 */
@Component
public class LabelTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> ELEMENT_TYPES = Set.of("text", "code128", "datamatrix", "qr", "line");

    private final ObjectMapper json;
    private final Map<String, LabelLayout> layouts = new ConcurrentHashMap<>();
    private final Map<String, String> zpl = new ConcurrentHashMap<>();

    LabelTemplates(ObjectMapper json) {
        this.json = json;
    }

    public LabelLayout layout(String name) {
        return layouts.computeIfAbsent(name, n -> validate(n, read(n + ".json", in -> json.readValue(in, LabelLayout.class))));
    }

    public String zpl(String name) {
        return zpl.computeIfAbsent(name, n -> read(n + ".zpl", in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }

    /** Replaces each {@code {name}} by its value; a placeholder without a value is a template error. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("label template uses {" + m.group(1) + "}, which is not one of "
                        + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(String file, Reader<T> reader) {
        ClassPathResource resource = new ClassPathResource("labels/" + file);
        try (InputStream in = resource.getInputStream()) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("label template labels/" + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static LabelLayout validate(String name, LabelLayout layout) {
        if (layout.widthIn() <= 0 || layout.heightIn() <= 0 || layout.elements() == null) {
            throw new IllegalStateException("label layout " + name + " needs widthIn, heightIn and elements");
        }
        for (int i = 0; i < layout.elements().size(); i++) {
            LabelLayout.Element e = layout.elements().get(i);
            if (!ELEMENT_TYPES.contains(e.type())) {
                throw new IllegalStateException("label layout " + name + ", element " + i + ": type '" + e.type()
                        + "' is not one of " + ELEMENT_TYPES);
            }
            if (e.x() < 0 || e.y() < 0 || e.x() + e.width() > layout.widthIn() || e.y() + e.height() > layout.heightIn()) {
                throw new IllegalStateException("label layout " + name + ", element " + i + " (" + e.type()
                        + ") lies outside the " + layout.widthIn() + " x " + layout.heightIn() + " in label");
            }
        }
        return layout;
    }
}
