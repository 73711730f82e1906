package dev.wengert.properties;

import dev.wengert.core.Differentiator;
import dev.wengert.reverse.ReverseMode;

/** Reverse mode (adjoint sweeps, tangent sweep, second-order adjoints) honours the contract. */
class ReverseModeContractTest implements RandomProgramContract {

    @Override
    public Differentiator differentiator() {
        return new ReverseMode();
    }
}
