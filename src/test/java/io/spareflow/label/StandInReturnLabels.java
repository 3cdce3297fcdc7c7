package io.spareflow.label;

import io.spareflow.common.CaseNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * A stand-in {@link ReturnLabels} for the tests of return-label delivery (mail attachment, downloads) while the label
 * feature has no renderer of its own: an A6 PDF naming the case. Registered only when the application defines no
 * ReturnLabels, so the real renderer replaces it as soon as it exists.
 */
public class StandInReturnLabels implements ReturnLabels {

    public static final String TITLE = "RETURN LABEL (test stand-in)";

    @Override
    public Optional<byte[]> pdf(CaseNumber caseNumber) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 12);
                content.newLineAtOffset(20, page.getMediaBox().getHeight() - 40);
                content.showText(TITLE);
                content.newLineAtOffset(0, -20);
                content.showText(caseNumber.value());
                content.endText();
            }
            document.save(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the stand-in after every other bean definition is known, and only if none implements ReturnLabels. */
    @Component
    static class Registrar implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            if (registry instanceof ConfigurableListableBeanFactory beans
                    && beans.getBeanNamesForType(ReturnLabels.class, true, false).length == 0) {
                registry.registerBeanDefinition("standInReturnLabels", new RootBeanDefinition(StandInReturnLabels.class));
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        }
    }
}
