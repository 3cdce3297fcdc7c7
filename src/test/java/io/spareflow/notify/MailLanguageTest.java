package io.spareflow.notify;

import static io.spareflow.notify.Mailboxes.await;
import static io.spareflow.notify.Mailboxes.subjectContains;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Case mail in the reader's language: a contact's locale for milestones, a staff user's for escalations. */
@SpareflowIntegrationTest
class MailLanguageTest {

    private static final String PASSWORD = "Chengdu-Spares-2026!";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mailServer;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void aChineseOperatorsContactIsAcknowledgedInChineseAnOverseasOneInEnglish() throws Exception {
        String domestic = report("CMCC-SC", "Chengdu");
        MimeMessage chinese = await(mailServer, "zhang.lei@sc.chinamobile.example", subjectContains(domestic), 1).get(0);
        assertThat(chinese.getSubject()).isEqualTo("[" + domestic + "] 我们已收到您的故障报告");
        assertThat(Mailboxes.text(chinese)).contains("故障现象", "Zhang Lei，您好", "/track/").doesNotContain("Dear");

        String overseas = report("SAF-KE", "Mombasa");
        MimeMessage english = await(mailServer, "peter.otieno@noc.safaricom.example", subjectContains(overseas), 1).get(0);
        assertThat(english.getSubject()).isEqualTo("[" + overseas + "] We have received your fault report");
        assertThat(Mailboxes.text(english)).contains("Dear Peter Otieno", "Symptom:").doesNotContain("故障");
    }

    @Test
    void anEscalationReachesAChineseSupervisorInChineseAndTheEnglishFirstOwnerInEnglish() throws Exception {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        // Not at HQ: the monitoring center's supervisor, who answers for unowned cases, stays the demo's one.
        String supervisor = createUser("zsup-zh-" + suffix, "SUPERVISOR", "CTU", null, "zh-CN");
        String agent = createUser("agent-en-" + suffix, "AGENT", "SZX", supervisor, "en");
        String number = report("CMCC-SC", "Chengdu");
        CaseFixtures.complete(rest, agent, PASSWORD, number, "Task_AcceptCase", Map.of());

        String timer = "Timer_DiagnosisEscalation";
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId(timer).singleResult().getId());

        MimeMessage toSupervisor = await(mailServer, supervisor + "@spareflow.example", subjectContains(number), 1).get(0);
        assertThat(toSupervisor.getSubject()).startsWith("[" + number + "] ").contains("远程诊断");
        assertThat(Mailboxes.text(toSupervisor)).contains("环节：远程诊断", "第一责任人：Agent " + suffix,
                "工单 " + number + " 的远程诊断超过时限很久仍未完成");
        MimeMessage toOwner = await(mailServer, agent + "@spareflow.example", subjectContains(number), 1).get(0);
        assertThat(toOwner.getSubject()).startsWith("[" + number + "] ").contains("Remote diagnosis");
        assertThat(Mailboxes.text(toOwner)).contains("Step: Remote diagnosis", "First owner: Agent " + suffix,
                "Remote diagnosis of case " + number + " is still open well after its limit").doesNotContain("环节");
    }

    private String report(String customer, String city) {
        String serial = CaseFixtures.installedBoard(boards, customers, customer, city);
        return (String) CaseFixtures.report(rest, customer, CaseFixtures.siteOf(customers, customer, city), serial).get("number");
    }

    private String createUser(String username, String role, String location, String supervisor, String locale) {
        Map<String, Object> request = new HashMap<>(Map.of("username", username, "password", PASSWORD,
                "displayName", (role.equals("AGENT") ? "Agent " : "Supervisor ") + username.substring(username.lastIndexOf('-') + 1),
                "email", username + "@spareflow.example", "role", role, "locationCode", location, "locale", locale));
        if (supervisor != null) {
            request.put("supervisor", supervisor);
        }
        assertThat(rest.withBasicAuth("admin", "demo").postForEntity("/api/users", CaseFixtures.json(request), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        mailServer.setUser(username + "@spareflow.example", username + "@spareflow.example", "demo");
        return username;
    }
}
