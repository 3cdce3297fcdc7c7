package io.spareflow.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * A stand-in {@link ReturnLabels} for the tests of return-label delivery (mail attachment, downloads) while the label
 * feature's renderer is not on this branch: an A6 PDF with the case number in words and as Code 128, as the real
 * label has it. Registered only when the application defines no ReturnLabels, so the real renderer replaces it.
 */
public class StandInReturnLabels implements ReturnLabels {

    @Override
    public byte[] pdf(String caseNumber, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            BitMatrix bars = new Code128Writer().encode(caseNumber, BarcodeFormat.CODE_128, 600, 120,
                    Map.of(EncodeHintType.MARGIN, 20));
            PDImageXObject barcode = LosslessFactory.createFromImage(document, MatrixToImageWriter.toBufferedImage(bars));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 12);
                content.newLineAtOffset(20, page.getMediaBox().getHeight() - 40);
                content.showText("RETURN LABEL (test stand-in) " + caseNumber);
                content.endText();
                content.drawImage(barcode, 20, page.getMediaBox().getHeight() - 120, 250, 50);
            }
            document.save(out);
            return out.toByteArray();
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
