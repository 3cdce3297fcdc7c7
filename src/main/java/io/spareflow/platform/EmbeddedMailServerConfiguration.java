package io.spareflow.platform;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default profile's mail server: GreenMail with SMTP and IMAP on loopback. The service sends through its SMTP and
 * reads its own IMAP mailbox; every demo contact has a mailbox that any IMAP client can open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spareflow.embedded-mail.enabled", havingValue = "true")
class EmbeddedMailServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

    @ConfigurationProperties("spareflow.embedded-mail")
    record EmbeddedMailProperties(boolean enabled, int smtpPort, int imapPort, String serviceAddress,
                                  String servicePassword) {
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedMailServer(EmbeddedMailProperties properties) {
        ServerSetup smtp = onLoopback(properties.smtpPort(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = onLoopback(properties.imapPort(), ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withUser(properties.serviceAddress(), properties.serviceAddress(), properties.servicePassword()));
        return greenMail;
    }

    @Bean
    MailboxEndpoint serviceMailbox(GreenMail server, EmbeddedMailProperties properties) {
        return new MailboxEndpoint("127.0.0.1", server.getImap().getPort(), properties.serviceAddress(),
                properties.servicePassword());
    }

    /** Port 0 picks a free port, so tests never collide with a running service. */
    private static ServerSetup onLoopback(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    /** Points Spring's mail sender at the embedded server once it has bound its (possibly random) ports. */
    @Bean
    static BeanPostProcessor mailPropertiesFromEmbeddedServer(org.springframework.beans.factory.ObjectProvider<GreenMail> greenMail) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof MailProperties mail) {
                    GreenMail server = greenMail.getObject();
                    mail.setHost("127.0.0.1");
                    mail.setPort(server.getSmtp().getPort());
                    log.info("Embedded mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}",
                            server.getSmtp().getPort(), server.getImap().getPort());
                }
                return bean;
            }
        };
    }
}
