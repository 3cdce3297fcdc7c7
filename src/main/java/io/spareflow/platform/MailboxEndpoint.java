package io.spareflow.platform;

/** Where the service's own IMAP mailbox is, when the embedded mail server provides it (its port may be random). */
public record MailboxEndpoint(String host, int port, String username, String password) {
}
