package io.spareflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.notify.CustomerTimeline;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The portal words every customer-visible timeline step, case state and channel (the bundles' parity is MessageBundlesTest's). */
class PortalTimelineTextsTest {

    @Test
    void everyStepStateAndChannelACustomerSeesHasAPortalText() throws IOException {
        Properties portal = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/portal.properties")) {
            portal.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(CustomerTimeline.customerKinds()).isNotEmpty()
                .allMatch(kind -> portal.containsKey("portal.timeline." + kind.name()), "has portal.timeline.<KIND>");
        assertThat(Arrays.stream(CaseState.values())).allMatch(state -> portal.containsKey("portal.state." + state.name()));
        assertThat(Arrays.stream(CaseChannel.values())).allMatch(channel -> portal.containsKey("portal.channel." + channel.name()));
    }
}
