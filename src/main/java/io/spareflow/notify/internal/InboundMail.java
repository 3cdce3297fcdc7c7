package io.spareflow.notify.internal;

import io.spareflow.common.Columns;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service needs of an inbound mail, read defensively: a mail without sender, subject or Message-ID, with an
 * unknown charset, attachments, parts nested without end or a huge body still yields something to record. Every value
 * fits its column; text is capped at {@code maxChars}; what was left out is listed in {@code readingNotes}.
 */
record InboundMail(String key, String messageId, String sender, String subject, String text, List<String> references,
                   AutoReplyPolicy.Signals signals, List<String> readingNotes) {

    static final int KEY_LENGTH = 300;
    static final int SUBJECT_LENGTH = 300;
    /** RFC 5321: no mail address is longer. */
    static final int ADDRESS_LENGTH = 254;
    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 100;
    private static final int MAX_REFERENCES = 50;
    private static final int MESSAGE_ID_LENGTH = 250;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1," + (MESSAGE_ID_LENGTH - 2) + "}>");

    static InboundMail read(Message message, int maxChars) throws MessagingException {
        List<String> notes = new ArrayList<>();
        String messageId = oneLine(first(message, "Message-ID"));
        String sender = senderOf(message, notes);
        String subject = Columns.cut(safeSubject(message), SUBJECT_LENGTH);
        Body body = new Body(maxChars);
        try {
            body.collect(message, 0);
        } catch (IOException | MessagingException | RuntimeException e) {
            notes.add("body partly unreadable (" + e.getClass().getSimpleName() + ")");
        }
        body.notes(notes);
        String text = withoutControlCharacters(body.text());
        String key = messageId != null && !messageId.isEmpty()
                ? (messageId.length() <= KEY_LENGTH ? messageId : "sha256:" + sha256(messageId))
                : "sha256:" + sha256(sender + "|" + subject + "|" + message.getSentDate() + "|" + text);
        List<String> references = messageIds(first(message, "In-Reply-To") + " " + first(message, "References"));
        AutoReplyPolicy.Signals signals = new AutoReplyPolicy.Signals(oneLine(first(message, "Auto-Submitted")),
                oneLine(first(message, "Precedence")), first(message, "List-Id") != null,
                oneLine(first(message, "Return-Path")), oneLine(first(message, "X-Auto-Response-Suppress")));
        return new InboundMail(key, messageId, sender, subject, text, references, signals, List.copyOf(notes));
    }

    /** A mail that could not even be read: recorded under a key of its place in the mailbox. */
    static InboundMail unreadable(String key) {
        return new InboundMail(Columns.cut(key, KEY_LENGTH), null, null, "", "", List.of(),
                new AutoReplyPolicy.Signals(null, null, false, null, null), List.of("message unreadable"));
    }

    /** The Message-ID to answer with In-Reply-To: only a well-formed one, which fits a header line. */
    String replyTarget() {
        return messageId != null && MESSAGE_ID.matcher(messageId).matches() ? messageId : null;
    }

    /** The outbox dedupe key of the answer to this mail: one answer per mail, whatever the length of its key. */
    String replyKey() {
        return Outbox.REPLY_KEY_PREFIX + (key.length() <= 190 ? key : "sha256:" + sha256(key));
    }

    private static String senderOf(Message message, List<String> notes) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null) {
                String sender = address.getAddress().trim().toLowerCase(Locale.ROOT);
                if (sender.length() <= ADDRESS_LENGTH && sender.indexOf('@') > 0) {
                    return sender;
                }
                notes.add("sender address is not usable (" + sender.length() + " characters)");
            }
        } catch (MessagingException | RuntimeException e) {
            notes.add("sender address is not readable");
        }
        return null;
    }

    private static String safeSubject(Message message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : withoutControlCharacters(subject.replaceAll("[\\r\\n\\t]+", " ")).trim();
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /** NUL and the other control characters but line breaks and tabs: PostgreSQL refuses NUL in text. */
    private static String withoutControlCharacters(String value) {
        return value.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "");
    }

    private static List<String> messageIds(String headers) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = MESSAGE_ID.matcher(headers);
        while (m.find() && ids.size() < MAX_REFERENCES) {
            ids.add(m.group());
        }
        return List.copyOf(ids);
    }

    private static String first(Message message, String header) {
        try {
            String[] values = message.getHeader(header);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String oneLine(String value) {
        return value == null ? null : Columns.cut(value.replaceAll("[\\r\\n]+", " ").trim(), 1000);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text parts of a mail, read up to a limit, through at most {@link #MAX_DEPTH} levels and {@link #MAX_PARTS} parts. */
    private static final class Body {

        private final int maxChars;
        private final StringBuilder out = new StringBuilder();
        private int parts;
        private int attachments;
        private boolean tooDeep;

        Body(int maxChars) {
            this.maxChars = maxChars;
        }

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (out.length() > maxChars) {
                return;
            }
            if (depth > MAX_DEPTH || parts >= MAX_PARTS) {
                tooDeep = true;
                return;
            }
            parts++;
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments++;
            } else if (part.isMimeType("text/plain")) {
                out.append(read(part)).append('\n');
            } else if (part.isMimeType("text/html")) {
                if (out.isEmpty()) {
                    out.append(HtmlText.toText(read(part))).append('\n');
                }
            } else if (part.isMimeType("multipart/*")) {
                if (part.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        collect(multipart.getBodyPart(i), depth + 1);
                    }
                }
            } else {
                attachments++;
            }
        }

        /** A text part in its charset; an unknown or wrong charset falls back to UTF-8 with replacement characters. */
        private String read(Part part) throws MessagingException, IOException {
            int limit = maxChars + 1 - out.length();
            char[] buffer = new char[Math.max(0, limit)];
            try (InputStream in = part.getInputStream(); Reader reader = new InputStreamReader(in, charsetOf(part))) {
                int filled = 0;
                for (int n; filled < buffer.length && (n = reader.read(buffer, filled, buffer.length - filled)) > 0; ) {
                    filled += n;
                }
                return new String(buffer, 0, filled);
            }
        }

        private static Charset charsetOf(Part part) {
            try {
                String name = new ContentType(part.getContentType()).getParameter("charset");
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.trim());
            } catch (MessagingException | RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        String text() {
            return out.length() > maxChars ? Columns.cut(out.toString(), maxChars) : out.toString();
        }

        void notes(List<String> notes) {
            if (out.length() > maxChars) {
                notes.add("body truncated");
            }
            if (attachments > 0) {
                notes.add(attachments + " attachment(s) ignored");
            }
            if (tooDeep) {
                notes.add("parts beyond " + MAX_DEPTH + " levels or " + MAX_PARTS + " parts ignored");
            }
        }
    }
}
