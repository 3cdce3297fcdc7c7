package io.spareflow;

import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaFixture;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full service on a random port, on the one embedded PostgreSQL of this test JVM ({@link SharedTestDatabase}),
 * with the seeded network and demo data, and an embedded mail server on free ports. The case-lifecycle API fixture
 * ({@link RmaFixture} for isolated data, {@link RmaApiClient} for the REST calls and steps) is part of the one context:
 * tests inject it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SharedTestDatabase.class)
@Import({RmaFixture.class, RmaApiClient.class})
public @interface SpareflowIntegrationTest {
}
