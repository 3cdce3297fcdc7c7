package io.spareflow.benchmark;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The benchmarks that count SQL statements import this, so they share one Spring context. */
@TestConfiguration
class StatementCounting {

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }
}
