package io.spareflow.user;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.user.internal.PasswordLinks;
import io.spareflow.user.internal.PasswordPolicy;
import io.spareflow.user.internal.UserEntity;
import io.spareflow.user.internal.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: a user changes their own (knowing the current one); an administrator has a one-time link mailed that
 * lets the user choose a new one within {@code spareflow.security.password-link-validity}. Every new password must
 * pass the {@link PasswordPolicy}. Changes are audited as the user's {@code passwordChangedAt}, never the password.
 */
@Service
@Transactional
public class Passwords {

    /** A mailed link: until when it can be used. */
    public record LinkSent(String username, String email, Instant expiresAt) {
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final PasswordLinks links;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration linkValidity;
    private final String baseUrl;

    Passwords(UserRepository users, PasswordEncoder encoder, PasswordPolicy policy, PasswordLinks links, Audit audit,
              ApplicationEventPublisher events, Clock clock,
              @Value("${spareflow.security.password-link-validity:PT1H}") Duration linkValidity,
              @Value("${spareflow.public-base-url}") String baseUrl) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.linkValidity = linkValidity;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The policy's objections to {@code password} for {@code username}; empty when it is acceptable. */
    @Transactional(readOnly = true)
    public List<Message> problems(String username, String password) {
        return policy.problems(username, password);
    }

    /** The user's own change: the current password must match and the new one pass the policy. */
    public void change(String username, String current, String next) {
        UserEntity user = users.findById(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
        if (current == null || !encoder.matches(current, user.toStaffUser().passwordHash())) {
            throw new InvalidInputException(Message.of("people.password.currentWrong"), Map.of("current", Message.of("people.password.currentWrong")));
        }
        if (next != null && next.equals(current)) {
            throw new InvalidInputException(Message.of("people.password.sameAsCurrent"), Map.of("new", Message.of("people.password.sameAsCurrent")));
        }
        set(user, next, "new");
    }

    /** Mails the user a one-time link to choose a password ({@code firstPassword}: the account was just created). */
    public LinkSent sendLink(String username, boolean firstPassword) {
        UserEntity entity = users.findById(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
        UserAccount user = entity.toAccount();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(linkValidity);
        PasswordLinks.Issued link = links.issue(user.username(), now, expiresAt);
        String linkId = link.hash().substring(0, 16);
        audit.record(AuditedEntity.PASSWORD_RESET, user.username(), null,
                Map.of("linkId", linkId, "expiresAt", expiresAt.toString(), "mailedTo", user.email()));
        events.publishEvent(new PasswordLinkIssued(user.username(), user.displayName(), user.email(),
                Locale.forLanguageTag(user.locale()), baseUrl + "/password-reset/" + link.token(), linkId, expiresAt,
                firstPassword));
        return new LinkSent(user.username(), user.email(), expiresAt);
    }

    /** The user a link is valid for, if it is (unknown, used and expired links are not). */
    @Transactional(readOnly = true)
    public Optional<String> linkHolder(String token) {
        return links.holder(token, clock.instant());
    }

    /** Sets a password through a mailed link, which is then used up; returns the user name. */
    public String setWithLink(String token, String next) {
        String username = linkHolder(token).orElseThrow(() -> new InvalidInputException(Message.of("people.password.linkInvalid")));
        UserEntity user = users.findById(username).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.user"), username));
        // A refused password rolls the use back: the link stays valid for another try.
        links.use(token, clock.instant()).orElseThrow(() -> new InvalidInputException(Message.of("people.password.linkInvalid")));
        set(user, next, "password");
        return username;
    }

    private void set(UserEntity user, String next, String field) {
        List<Message> problems = policy.problems(user.getUsername(), next);
        if (!problems.isEmpty()) {
            throw refused(problems, field);
        }
        UserAccount before = user.toAccount();
        user.changePassword(encoder.encode(next), clock.instant());
        audit.record(AuditedEntity.USER, user.getUsername(), before, users.saveAndFlush(user).toAccount());
    }

    private InvalidInputException refused(List<Message> problems, String field) {
        Message all = Message.sentences(problems);
        return new InvalidInputException(Message.of("people.password.refused", all), Map.of(field, all));
    }
}
