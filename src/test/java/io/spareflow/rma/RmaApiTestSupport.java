package io.spareflow.rma;

import io.spareflow.board.Boards;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the case-lifecycle API tests share, injected from the one test context of their
 * {@code @SpareflowIntegrationTest}: isolated data ({@link RmaFixture}), the REST calls and steps that drive a case
 * ({@link RmaApiClient}), and the boards and process instances they check.
 */
public abstract class RmaApiTestSupport {

    @Autowired
    protected RmaFixture fixture;
    @Autowired
    protected RmaApiClient api;
    @Autowired
    protected Boards boards;
    @Autowired
    protected RuntimeService runtime;
}
