package io.spareflow.rma.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tier limits over public holidays and swapped working days, with the seeded calendars: China's State Council schedule
 * at CTU (Chengdu, MON-FRI 08:30-17:30) and Egypt's holidays at CAI (Cairo, SUN-THU 08:00-17:00).
 */
@SpareflowIntegrationTest
class HolidayDueDatesTest {

    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");
    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

    @Autowired
    CaseClocks clocks;

    @Autowired
    ServiceTiers tiers;

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aGoldCaseReportedOnTheEveOfSpringFestivalIsDueOnTheFirstWorkingDayAfterIt() {
        ServiceTier gold = tiers.require("GOLD");
        // Saturday 14 February 2026 is worked (调休); 15-23 February are the holiday. 17:00 leaves 30 minutes that day.
        Limit spare = clocks.limit(gold, "CTU", at("2026-02-14T17:00", CHENGDU), gold.spareOnSiteMinutes());
        Limit accept = clocks.limit(gold, "CTU", at("2026-02-14T17:00", CHENGDU), gold.acceptMinutes());

        assertThat(spare.due()).isEqualTo(at("2026-02-24T17:00", CHENGDU));
        assertThat(accept.due()).isEqualTo(at("2026-02-24T09:00", CHENGDU));
    }

    @Test
    void theSwappedSaturdayCountsWhenItFallsFirst() {
        ServiceTier gold = tiers.require("GOLD");
        // Friday 13 February 17:00: the next working day is the swapped Saturday, not the Tuesday after the holiday.
        Limit spare = clocks.limit(gold, "CTU", at("2026-02-13T17:00", CHENGDU), gold.spareOnSiteMinutes());

        assertThat(spare.due()).isEqualTo(at("2026-02-14T17:00", CHENGDU));
        // The escalation, one limit later, falls after the holiday.
        assertThat(spare.escalateAt()).isEqualTo(at("2026-02-24T17:00", CHENGDU));
    }

    @Test
    void aCaseInCairoDuringEidIsDueAfterIt() {
        ServiceTier gold = tiers.require("GOLD");
        // Eid al-Adha 2026: Arafat on Tuesday 26 May to the third day of Eid on Friday 29; Friday and Saturday are the
        // weekend. A case reported on the day of Arafat is due at the end of Sunday 31 May.
        Limit spare = clocks.limit(gold, "CAI", at("2026-05-26T10:00", CAIRO), gold.spareOnSiteMinutes());

        assertThat(spare.due()).isEqualTo(at("2026-05-31T17:00", CAIRO));
    }

    @Test
    void defectiveReturnDaysOfABusinessHoursTierAreWorkingDays() {
        ServiceTier gold = tiers.require("GOLD");
        Instant friday = at("2026-02-13T10:00", CHENGDU);

        // Working days after 13 February: 14 (swapped), 24, 25, 26, 27, 28 (swapped), 2, 3, 4, 5 March.
        assertThat(clocks.plusDays(gold, "CTU", friday, 10)).isEqualTo(at("2026-03-05T17:30", CHENGDU));
        // A 24x7 tier counts calendar days.
        ServiceTier platinum = tiers.require("PLATINUM");
        assertThat(clocks.plusDays(platinum, "CTU", friday, 10)).isEqualTo(friday.plus(java.time.Duration.ofDays(10)));
    }
}
