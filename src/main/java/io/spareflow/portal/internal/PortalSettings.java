package io.spareflow.portal.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's sign-in policy: how long a mailed link is valid, and how many links may be asked for per e-mail
 * address and per client (IP) address within {@code throttleWindow}.
 */
@ConfigurationProperties("spareflow.portal")
record PortalSettings(@DefaultValue("PT15M") Duration linkValidity,
                      @DefaultValue("3") int linksPerAddress,
                      @DefaultValue("20") int linksPerClient,
                      @DefaultValue("PT15M") Duration throttleWindow) {
}
