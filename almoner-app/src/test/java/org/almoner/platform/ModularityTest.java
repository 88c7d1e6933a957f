package org.almoner.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The platform's capabilities depend on each other only through their published types, without cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(PlatformApplication.class).verify();
    }
}
