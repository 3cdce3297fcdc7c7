package io.spareflow.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.common.Languages;
import io.spareflow.notify.Mailboxes;
import io.spareflow.part.ProductLine;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.training.NewCertification;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warning ahead of a certification's end, on PostgreSQL and through the real outbox to GreenMail, with the job's
 * clock moved: mailed once, 30 days ahead, to the holder and their supervisor in each one's language; a renewal stops
 * it and its revocation brings it back.
 */
@SpareflowIntegrationTest
class CertificationExpiryWarningTest {

    @Autowired
    CertificationRepository repository;
    @Autowired
    Certifications certifications;
    @Autowired
    Users users;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    GreenMail mailServer;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aCertificationEndingWithin30DaysIsMailedOnceToItsHolderAndTheirSupervisorEachInTheirLanguage() throws Exception {
        // Not at HQ: a monitoring-center supervisor would take over every unowned case's escalation in this JVM.
        String supervisor = user(Role.SUPERVISOR, "RC-SZX", null);
        users.changeLanguage(supervisor, Languages.CHINESE);
        String technician = user(Role.TECHNICIAN, "RC-SZX", supervisor);
        LocalDate today = certifications.today();
        long id = issue(technician, ProductLine.OPTICAL, today.minusYears(1), today.plusDays(40));
        LocalDate end = today.plusDays(40);

        assertThat(jobInDays(9).warnExpiring()).as("31 days before its end").doesNotContain(id);
        assertThat(repository.findById(id).orElseThrow().expiryMailedAt()).isNull();
        assertThat(jobInDays(10).warnExpiring()).as("30 days before its end").contains(id);
        assertThat(repository.findById(id).orElseThrow().expiryMailedAt()).isNotNull();
        assertThat(jobInDays(10).warnExpiring()).as("once").doesNotContain(id);
        assertThat(jobInDays(39).warnExpiring()).as("once, also later").doesNotContain(id);

        List<MimeMessage> toHolder = mails(technician, "ends on " + end, 1);
        assertThat(toHolder).hasSize(1);
        assertThat(toHolder.get(0).getSubject()).isEqualTo("Spareflow: your OPTICAL L2 board repair certification ends on " + end);
        assertThat(Mailboxes.text(toHolder.get(0))).contains("valid until " + end + " (UTC), 30 day(s) from today")
                .contains("diagnosis and repair of OPTICAL boards are no longer offered")
                .contains("issued by ZTE University");
        List<MimeMessage> toSupervisor = mails(supervisor, "认证将于 " + end + " 到期", 1);
        assertThat(toSupervisor).hasSize(1);
        assertThat(toSupervisor.get(0).getSubject()).contains("Expiry " + technician).contains("OPTICAL L2 单板维修");
        assertThat(Mailboxes.text(toSupervisor.get(0))).contains("您所主管的").contains("距今还有 30 天");
        Thread.sleep(1000);
        assertThat(mails(technician, "ends on", 1)).as("still one mail").hasSize(1);
    }

    @Test
    void aRenewalStopsTheWarningAndItsRevocationBringsItBack() throws Exception {
        String technician = user(Role.TECHNICIAN, "RC-NKG", null);
        LocalDate today = certifications.today();
        long expiring = issue(technician, ProductLine.DATA, today.minusYears(1), today.plusDays(20));
        long unrenewedLine = issue(technician, ProductLine.ACCESS, today.minusYears(1), today.plusDays(25));
        assertThat(jobInDays(0).warnExpiring()).contains(expiring, unrenewedLine);

        long renewal = issue(technician, ProductLine.DATA, today.plusDays(21), today.plusYears(2));
        assertThat(repository.findById(expiring).orElseThrow().expiryMailedAt()).as("reset by the renewal").isNull();
        assertThat(repository.findById(unrenewedLine).orElseThrow().expiryMailedAt()).as("another line").isNotNull();
        assertThat(jobInDays(1).warnExpiring()).as("renewed: nothing to warn of").doesNotContain(expiring, renewal);

        certifications.revoke(technician, renewal);
        assertThat(jobInDays(1).warnExpiring()).as("the renewal is gone").contains(expiring).doesNotContain(unrenewedLine);
        assertThat(mails(technician, "DATA L2 board repair certification ends on " + today.plusDays(20), 2))
                .as("warned, renewed, revoked: warned again").hasSize(2);
        assertThat(mails(technician, "ACCESS", 1)).hasSize(1);
    }

    @Test
    void aRenewalRecordedInTimeMeansNoWarningAtAll() {
        String technician = user(Role.TECHNICIAN, "RC-SZX", null);
        LocalDate today = certifications.today();
        long old = issue(technician, ProductLine.POWER, today.minusYears(1), today.plusDays(5));
        issue(technician, ProductLine.POWER, today.minusDays(3), today.plusYears(1));
        assertThat(jobInDays(0).warnExpiring()).doesNotContain(old);
        assertThat(repository.findById(old).orElseThrow().expiryMailedAt()).isNull();
    }

    /** The job as it runs {@code days} days from now. */
    private CertificationExpiryWarnings jobInDays(int days) {
        return new CertificationExpiryWarnings(repository, users, events, transactions, Clock.offset(clock, Duration.ofDays(days)));
    }

    private long issue(String holder, ProductLine line, LocalDate from, LocalDate until) {
        return certifications.issue(holder, new NewCertification(line, CertificationLevel.L2, "ZTE University, Shenzhen",
                from, until)).id();
    }

    private String user(Role role, String location, String supervisor) {
        String username = "exp-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
        users.create(new NewUser(username, "demo", "Expiry " + username, username + "@spareflow.local", role, location,
                supervisor));
        return username;
    }

    private List<MimeMessage> mails(String username, String subject, int atLeast) throws InterruptedException {
        return Mailboxes.await(mailServer, username + "@spareflow.local", Mailboxes.subjectContains(subject), atLeast);
    }
}
