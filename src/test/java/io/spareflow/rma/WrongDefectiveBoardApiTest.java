package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.MailRecord;
import io.spareflow.notify.Notifications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A defective board returned without a case number that is not the one a case expects, from a customer with a case
 * waiting for the return of a board of the same part, is flagged on that case for its first owner (and quarantined);
 * a board of another part is only quarantined.
 */
@SpareflowIntegrationTest
class WrongDefectiveBoardApiTest extends RmaApiTestSupport {

    @Autowired
    Notifications notifications;

    @Test
    void aStrayBoardOfTheAwaitedPartFromTheSameCustomerIsFlaggedOnTheWaitingCase() {
        SiteInfo site = fixture.chengdu();
        String part = fixture.part();
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        api.deliver(spare, "CTU", site);
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("AWAITING_RETURN");
        String sameSite = fixture.installedAt(part, site);
        String otherPart = fixture.installedAt(fixture.part(), site);
        long escalationsBefore = escalations(notifications.forCase(number));

        api.scan("tech-RC-SZX", otherPart, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
        assertThat(RmaApiClient.kinds(api.getCase(number).get("timeline"))).as("another part belongs to no waiting case")
                .doesNotContain("WRONG_BOARD_RETURNED");

        api.scan("tech-RC-SZX", sameSite, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());

        JsonNode c = api.getCase(number);
        assertThat(c.get("wrongBoardReturned").asText()).isEqualTo(sameSite);
        assertThat(RmaApiClient.kinds(c.get("timeline"))).containsOnlyOnce("WRONG_BOARD_RETURNED");
        assertThat(escalations(notifications.forCase(number))).as("the first owner is told").isGreaterThan(escalationsBefore);
        assertThat(boards.require(sameSite).status()).isEqualTo(BoardStatus.QUARANTINE);
        assertThat(boards.require(otherPart).status()).isEqualTo(BoardStatus.QUARANTINE);
        assertThat(c.get("state").asText()).as("the case still waits for its own board").isEqualTo("AWAITING_RETURN");

        api.scan("tech-RC-SZX", faulty, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("IN_REPAIR");
    }

    private static long escalations(List<MailRecord> mails) {
        return mails.stream().filter(m -> m.kind().equals("ESCALATION")).count();
    }
}
