package io.spareflow.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.calendar.WorkingCalendars;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the case page shows under a running clock: working time left at the responsible location. */
@SpareflowIntegrationTest
class WorkingTimeLeftTest {

    @Autowired
    WorkingTimeLeft workingTime;

    @Autowired
    WorkingCalendars calendars;

    @Test
    void aBusinessHoursClockShowsTheWorkingTimeLeftAndATwentyFourSevenClockNothing() {
        Instant due = calendars.timetable("CTU").plusWorkingMinutes(Instant.now(), 600);

        assertThat(workingTime.left("GOLD", "CTU", due)).matches("(9 h 59|10 h 0) min of working time left at CTU.*");
        assertThat(workingTime.left("PLATINUM", "CTU", due)).isEmpty();
        assertThat(workingTime.left("GOLD", "CTU", Instant.now().minus(Duration.ofHours(1)))).isEqualTo("no working time left at CTU");
    }
}
