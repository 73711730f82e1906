package dev.wengert.properties;

import dev.wengert.core.Differentiator;
import dev.wengert.forward.ForwardMode;

/** Forward mode (DualVector chunks, Dual jvp, HyperDual Hessian) honours the contract. */
class ForwardModeContractTest implements RandomProgramContract {

    @Override
    public Differentiator differentiator() {
        return new ForwardMode();
    }
}
