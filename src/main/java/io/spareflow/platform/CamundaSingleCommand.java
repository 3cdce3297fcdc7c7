package io.spareflow.platform;

import io.spareflow.common.Explained;
import io.spareflow.common.SingleEngineCommand;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * One engine command around the work: Camunda's command context interceptor lets every service call made on this
 * thread meanwhile join it (one entity cache, one flush), and the transaction-required executor joins the caller's
 * Spring transaction. The engine logs a command that fails at ERROR (ENGINE-16004) unless the failure is a bad
 * request, so a refusal of the application's leaves the command as one and is unwrapped outside it.
 */
@Component
class CamundaSingleCommand implements SingleEngineCommand {

    private final ProcessEngine engine;

    CamundaSingleCommand(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public <T> T call(Supplier<T> work) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    if (e instanceof Explained) {
                        throw new Refusal(e);
                    }
                    throw e;
                }
            });
        } catch (Refusal refusal) {
            throw refusal.refusal;
        }
    }

    /** A refusal on its way out of the command, as the engine's bad request it logs at DEBUG. */
    private static final class Refusal extends BadUserRequestException {

        private final RuntimeException refusal;

        Refusal(RuntimeException refusal) {
            super(refusal.getMessage(), refusal);
            this.refusal = refusal;
        }
    }
}
