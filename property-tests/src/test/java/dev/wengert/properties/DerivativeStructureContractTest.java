package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;

import org.junit.jupiter.api.Test;

/** commons-math3's DerivativeStructure, the peer every mode is compared with, honours the contract too. */
class DerivativeStructureContractTest implements DifferentiatorContract {

    @Override
    public Differentiator differentiator() {
        return new DerivativeStructureDifferentiator();
    }

    @Test
    @Override
    public void hasANameAndIsFoundByServiceLoader() {
        // deliberately not registered: it is a peer for comparison, not a Wengert mode
        assertTrue(Differentiators.available().stream().noneMatch(d -> d.name().equals(differentiator().name())));
    }

}
