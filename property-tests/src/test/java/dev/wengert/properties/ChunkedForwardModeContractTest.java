package dev.wengert.properties;

import dev.wengert.core.Differentiator;
import dev.wengert.forward.ForwardMode;

/** Forward mode with one tangent per pass (one chunk per input) honours the contract too. */
class ChunkedForwardModeContractTest implements RandomProgramContract {

    @Override
    public Differentiator differentiator() {
        return new ForwardMode(1);
    }
}
