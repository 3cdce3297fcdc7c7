package io.spareflow.notify;

import io.spareflow.SpareflowIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The service with a mail worker and an inbox poller that run every few hundred milliseconds (one shared context). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpareflowIntegrationTest
@TestPropertySource(properties = {"spareflow.mail.retry-initial=PT0.2S", "spareflow.mail.retry-max=PT1S",
        "spareflow.mail.send-interval=PT0.2S", "spareflow.mail.imap.poll-interval=PT0.3S"})
public @interface MailIntegrationTest {
}
