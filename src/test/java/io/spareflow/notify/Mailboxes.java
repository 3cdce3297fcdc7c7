package io.spareflow.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/** Test helpers around the embedded mail server: send as a customer, wait for what arrives in a mailbox. */
public final class Mailboxes {

    private Mailboxes() {
    }

    public static MimeMessage compose(String from, String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        if (subject != null) {
            message.setSubject(subject, "UTF-8");
        }
        message.setText(body, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** Delivers a mail through the server's SMTP, as a customer's mail client would. */
    public static void send(GreenMail server, MimeMessage message) throws MessagingException {
        message.saveChanges();
        jakarta.mail.Transport transport = Session.getInstance(smtp(server)).getTransport("smtp");
        transport.connect();
        transport.sendMessage(message, message.getAllRecipients());
        transport.close();
    }

    private static Properties smtp(GreenMail server) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
        return p;
    }

    /** The messages in one mailbox that match, waiting up to 20 s for at least {@code atLeast} of them. */
    public static List<MimeMessage> await(GreenMail server, String address, Predicate<MimeMessage> matching, int atLeast)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<MimeMessage> found = Arrays.stream(server.getReceivedMessagesForDomain(address))
                    .filter(m -> sentTo(m, address)).filter(matching).toList();
            if (found.size() >= atLeast || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    public static Predicate<MimeMessage> subjectContains(String text) {
        return m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(text);
            } catch (MessagingException e) {
                return false;
            }
        };
    }

    public static boolean sentTo(MimeMessage m, String address) {
        try {
            return m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The text/plain and text/html parts, joined. */
    public static String text(MimeMessage m) {
        try {
            if (m.getContent() instanceof MimeMultipart multipart) {
                StringBuilder all = new StringBuilder();
                collect(multipart, all);
                return all.toString();
            }
            return GreenMailUtil.getBody(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof MimeMultipart nested) {
                collect(nested, all);
            } else {
                all.append(content).append('\n');
            }
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }
}
