package io.spareflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Features talk only through each other's top-level package (their API); internals stay internal; no cycles. */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(SpareflowApplication.class);

    @Test
    void featureBoundariesHold() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
