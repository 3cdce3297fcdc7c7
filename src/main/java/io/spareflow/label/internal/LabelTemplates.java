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

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    /** A ZPL template line printed only when a condition holds: {@code {?gs1}^FO…} or {@code {?!gs1}^FO…}. */
    private static final Pattern CONDITIONAL_LINE = Pattern.compile("^\\{\\?(!?[A-Za-z][A-Za-z0-9]*)}");
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

    /**
     * A ZPL template filled: lines whose condition ({@code {?name}} first on the line) does not hold are left out,
     * then each {@code {name}} is replaced by its value.
     */
    public static String fillZpl(String template, Map<String, String> values) {
        StringBuilder kept = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            Matcher condition = CONDITIONAL_LINE.matcher(line);
            if (!condition.find()) {
                kept.append(line).append('\n');
            } else if (holds(condition.group(1), values)) {
                kept.append(line.substring(condition.end())).append('\n');
            }
        }
        return fill(kept.substring(0, kept.length() - 1), values);
    }

    /**
     * Whether a condition of a template holds: {@code name} when the value {@code name} is {@code true},
     * {@code !name} when it is {@code false}; no condition always holds. A condition without a value is a template error.
     */
    public static boolean holds(String condition, Map<String, String> values) {
        if (condition == null) {
            return true;
        }
        boolean negated = condition.startsWith("!");
        String name = negated ? condition.substring(1) : condition;
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("label template tests {" + name + "}, which is not one of " + values.keySet());
        }
        return Boolean.parseBoolean(value) != negated;
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
            if ("datamatrix".equals(e.type()) && (e.gs1() == null || e.gs1().isEmpty() || e.gs1().stream()
                    .anyMatch(field -> field.indexOf(':') < 0 || !Gs1ElementString.isKnown(field.substring(0, field.indexOf(':')))))) {
                throw new IllegalStateException("label layout " + name + ", element " + i + ": a datamatrix needs gs1"
                        + " fields written AI:value, with AIs labels print (01, 21, 240, 400)");
            }
        }
        return layout;
    }
}
