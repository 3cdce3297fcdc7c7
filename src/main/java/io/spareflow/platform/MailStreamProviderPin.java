package io.spareflow.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Names Angus Mail's stream provider in the system property that jakarta.mail 2.1 reads first. Without it,
 * {@code StreamProvider.provider()} runs a {@code ServiceLoader} look-up — a search of every jar of the class path —
 * for every message, body part and header block, in our outbox sender and in the embedded mail server alike
 * (jakartaee/mail-api#699, fixed in 2.2 by taking the provider from the session). An operator's own setting wins, and
 * nothing is set where Angus Mail is not on the class path (the property would then break every mail).
 * Registered in {@code META-INF/spring.factories}, so the service and every Spring test run it before any mail.
 */
public class MailStreamProviderPin implements EnvironmentPostProcessor {

    /** The name jakarta.mail's {@code FactoryFinder} looks up as a system property before its {@code ServiceLoader}. */
    public static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        pin();
    }

    /** Sets the property unless it is set already or Angus Mail is missing. */
    public static void pin() {
        if (System.getProperty(PROPERTY) == null
                && ClassUtils.isPresent(ANGUS_PROVIDER, MailStreamProviderPin.class.getClassLoader())) {
            System.setProperty(PROPERTY, ANGUS_PROVIDER);
        }
    }
}
