package io.spareflow.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles without Spring's context, for the English wording of an exception's {@link Message}
 * ({@code getMessage()}): every bundle under {@code i18n/}, so it cannot miss one the application names.
 */
final class EnglishTexts {

    static final ResourceBundleMessageSource MESSAGES = bundles();

    private EnglishTexts() {
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(true);
        try {
            source.setBasenames(Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties"))
                    .map(r -> Objects.requireNonNull(r.getFilename()))
                    .filter(name -> !name.contains("_"))
                    .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct().toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("message bundles under i18n/ cannot be listed", e);
        }
        return source;
    }
}
