package io.spareflow.notify.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the service needs of an inbound mail, read defensively: a mail without sender, subject or Message-ID, with an
 * unknown charset, attachments or a huge body still yields something to record; text is capped at {@code maxChars}.
 */
record InboundMail(String key, String messageId, String sender, String subject, String text, boolean truncated,
                   int attachments) {

    static InboundMail read(Message message, int maxChars) throws MessagingException {
        String messageId = first(message.getHeader("Message-ID"));
        String sender = senderOf(message);
        String subject = safeSubject(message);
        StringBuilder text = new StringBuilder();
        int[] attachments = {0};
        try {
            collectText(message, text, attachments, maxChars + 1);
        } catch (IOException | MessagingException e) {
            text.append(' ');
        }
        boolean truncated = text.length() > maxChars;
        String body = truncated ? text.substring(0, maxChars) : text.toString();
        String key = messageId != null ? messageId.trim() : "sha256:" + sha256(sender + "|" + subject + "|"
                + message.getSentDate() + "|" + body.hashCode());
        return new InboundMail(key.length() > 300 ? key.substring(0, 300) : key, messageId, sender,
                subject.length() > 300 ? subject.substring(0, 300) : subject, body, truncated, attachments[0]);
    }

    private static String senderOf(Message message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null) {
                return address.getAddress().trim().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            return null;
        }
        return null;
    }

    private static String safeSubject(Message message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").trim();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static void collectText(Part part, StringBuilder out, int[] attachments, int limit)
            throws MessagingException, IOException {
        if (out.length() >= limit) {
            return;
        }
        String disposition = part.getDisposition();
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            attachments[0]++;
            return;
        }
        if (part.isMimeType("text/plain")) {
            out.append(readText(part, limit - out.length())).append('\n');
        } else if (part.isMimeType("text/html") && out.isEmpty()) {
            out.append(MailRenderer.toText(readText(part, limit - out.length()))).append('\n');
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectText(child, out, attachments, limit);
            }
        } else if (!part.isMimeType("multipart/*")) {
            attachments[0]++;
        }
    }

    /** Reads a text part; an unknown or wrong charset falls back to UTF-8 with replacement characters. */
    private static String readText(Part part, int limit) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s.length() > limit ? s.substring(0, limit) : s;
            }
        } catch (IOException | MessagingException e) {
            // fall through to raw bytes
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(Math.max(0, limit) * 4);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
