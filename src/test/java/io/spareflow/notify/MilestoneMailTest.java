package io.spareflow.notify;

import static io.spareflow.notify.Mailboxes.await;
import static io.spareflow.notify.Mailboxes.subjectContains;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@SpareflowIntegrationTest
class MilestoneMailTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mailServer;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Notifications notifications;
    @Autowired
    Cases cases;

    @Test
    void reportAndAcceptanceReachEveryContactWithTheTrackingLink() throws Exception {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        Map<String, Object> created = CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Chengdu"), serial);
        String number = (String) created.get("number");
        String token = (String) created.get("trackingToken");

        for (String contact : List.of("zhang.lei@sc.chinamobile.example", "luo.min@sc.chinamobile.example")) {
            List<MimeMessage> acks = await(mailServer, contact, subjectContains(number), 1);
            assertThat(acks).hasSize(1);
            MimeMessage ack = acks.get(0);
            // Chinese operators' contacts read Chinese (their locale is zh-CN).
            assertThat(ack.getSubject()).isEqualTo("[" + number + "] 我们已收到您的故障报告");
            assertThat(ack.getFrom()[0].toString()).contains("spareflow@spareflow.local");
            assertThat(ack.getContentType()).startsWith("multipart/");
            String body = Mailboxes.text(ack);
            assertThat(body).contains(serial).contains("/track/" + token).contains("PLATINUM").contains("<p>");
        }
        assertThat(java.util.Arrays.stream(mailServer.getReceivedMessages()).filter(subjectContains(number))
                .filter(m -> !Mailboxes.sentTo(m, "zhang.lei@sc.chinamobile.example") && !Mailboxes.sentTo(m, "luo.min@sc.chinamobile.example")))
                .as("mail of this case to anybody else").isEmpty();

        CaseFixtures.accept(rest, number);
        assertThat(cases.open("agent", 2000)).extracting(CaseView::number).contains(number);
        assertThat(cases.open("supervisor", 2000)).extracting(CaseView::number).doesNotContain(number);
        List<MimeMessage> accepted = await(mailServer, "zhang.lei@sc.chinamobile.example",
                subjectContains("受理").and(subjectContains(number)), 1);
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).getSubject()).isEqualTo("[" + number + "] 已由Li Wei受理");
        assertThat(Mailboxes.text(accepted.get(0))).contains("li.wei@spareflow.local");

        // The outbox marks a batch SENT when it commits, a moment after the server has the last mail of it.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (notifications.forCase(number).stream().anyMatch(m -> !m.status().equals("SENT")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(notifications.forCase(number)).extracting(MailRecord::status).containsOnly("SENT").hasSize(4);
        ResponseEntity<List> mails = rest.withBasicAuth("supervisor", "demo").getForEntity("/api/cases/" + number + "/mails", List.class);
        assertThat(mails.getBody()).hasSize(4);
        assertThat(rest.withBasicAuth("supervisor", "demo").getForEntity("/api/cases/RMA-1999-000001/mails", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theTrackingPageShowsTheCustomersViewAndUnknownTokensAre404() throws Exception {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Mianyang");
        Map<String, Object> created = CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Mianyang"), serial);
        String number = (String) created.get("number");
        String token = (String) created.get("trackingToken");
        assertThat(token).hasSizeGreaterThanOrEqualTo(22);
        CaseFixtures.accept(rest, number);

        ResponseEntity<String> page = rest.getForEntity("/track/" + token, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(number).contains(serial).contains("Mianyang transmission hub")
                .contains("Li Wei").contains("Fault reported").contains("Accepted by Li Wei")
                // nothing internal: no user names, no internal timeline wording, no survey before closing
                .doesNotContain("agent").doesNotContain("system").doesNotContain("FIRST_OWNER").doesNotContain("name=\"score\"");

        assertThat(rest.getForEntity("/track/" + token.substring(1) + "x", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/track/not-a-token", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
