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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@SpareflowIntegrationTest
class SurveyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mailServer;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Cases cases;

    @Test
    void theClosingMailLeadsToASurveyThatIsAnsweredOnce() throws Exception {
        String serial = CaseFixtures.installedBoard(boards, customers, "SAF-KE", "Nairobi");
        Map<String, Object> created = CaseFixtures.report(rest, "SAF-KE", CaseFixtures.siteOf(customers, "SAF-KE", "Nairobi"), serial);
        String number = (String) created.get("number");
        String token = (String) created.get("trackingToken");
        assertThat(rest.getForEntity("/track/" + token, String.class).getBody()).doesNotContain("name=\"score\"");

        assertThat(cases.open(null, 2000)).extracting(CaseView::number).contains(number);
        CaseFixtures.resolveRemotelyAndClose(rest, number);
        assertThat(cases.open(null, 2000)).extracting(CaseView::number).doesNotContain(number);
        assertThat(cases.open("agent", 2000)).extracting(CaseView::number).doesNotContain(number);
        List<MimeMessage> closing = await(mailServer, "grace.wanjiru@noc.safaricom.example", subjectContains("[" + number + "] Case closed"), 1);
        assertThat(closing).hasSize(1);
        assertThat(Mailboxes.text(closing.get(0))).contains("/track/" + token + "#survey");

        ResponseEntity<String> page = rest.getForEntity("/track/" + token, String.class);
        assertThat(page.getBody()).contains("name=\"score\"").contains("Case closed");
        ResponseEntity<String> answered = answer(token, page, "4", "Quick remote fix, thank you");
        assertThat(answered.getStatusCode().is3xxRedirection() || answered.getStatusCode().is2xxSuccessful())
                .as("answered: %s", answered.getStatusCode()).isTrue();

        ResponseEntity<String> after = rest.getForEntity("/track/" + token, String.class);
        assertThat(after.getBody()).contains("Thank you for your answer (4 of 5).").doesNotContain("name=\"score\"");
        // A second answer (a replayed form) changes nothing.
        answer(token, page, "1", "changed my mind");
        assertThat(rest.getForEntity("/track/" + token, String.class).getBody()).contains("(4 of 5)");
    }

    @Test
    void aScoreOutOfRangeIsRefused() throws Exception {
        String serial = CaseFixtures.installedBoard(boards, customers, "SAF-KE", "Mombasa");
        Map<String, Object> created = CaseFixtures.report(rest, "SAF-KE", CaseFixtures.siteOf(customers, "SAF-KE", "Mombasa"), serial);
        String token = (String) created.get("trackingToken");
        CaseFixtures.resolveRemotelyAndClose(rest, (String) created.get("number"));
        ResponseEntity<String> page = rest.getForEntity("/track/" + token, String.class);
        assertThat(answer(token, page, "9", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.getForEntity("/track/" + token, String.class).getBody()).contains("name=\"score\"");
    }

    /** Posts the survey form as a browser would: with the page's session cookie and CSRF token. */
    private ResponseEntity<String> answer(String token, ResponseEntity<String> page, String score, String comment) {
        Matcher csrf = CSRF.matcher(page.getBody());
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            headers.put(HttpHeaders.COOKIE, cookies.stream().map(c -> c.split(";", 2)[0]).toList());
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.group(1));
        form.add("score", score);
        form.add("comment", comment);
        return rest.exchange("/track/" + token + "/survey", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
