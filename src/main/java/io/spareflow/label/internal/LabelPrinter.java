package io.spareflow.label.internal;

import io.spareflow.label.LabelFormat;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Prints one label of a template, filled with its values, as PNG, PDF or ZPL. */
@Component
public class LabelPrinter {

    private final LabelTemplates templates;
    private final LabelRenderer renderer;
    private final PdfLabels pdf;

    LabelPrinter(LabelTemplates templates, LabelRenderer renderer, PdfLabels pdf) {
        this.templates = templates;
        this.renderer = renderer;
        this.pdf = pdf;
    }

    public byte[] print(String template, Map<String, String> values, LabelFormat format) {
        return switch (format) {
            case PNG -> renderer.png(renderer.render(templates.layout(template), values));
            case PDF -> {
                LabelLayout layout = templates.layout(template);
                yield pdf.single(renderer.render(layout, values), layout);
            }
            case ZPL -> LabelTemplates.fillZpl(templates.zpl(template), zplSafe(values)).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** ZPL field data ends at ^ and commands start with ~: keep them out of printed values. */
    private static Map<String, String> zplSafe(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.replace('^', ' ').replace('~', ' ')));
        return out;
    }
}
