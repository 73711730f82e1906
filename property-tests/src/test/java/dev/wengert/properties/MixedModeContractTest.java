package dev.wengert.properties;

import dev.wengert.core.Differentiator;
import dev.wengert.mixed.MixedMode;

/** Mixed mode honours the contract at AD tolerance (its Jacobian by a plan of sweeps and products). */
class MixedModeContractTest implements RandomProgramContract {

    @Override
    public Differentiator differentiator() {
        return new MixedMode();
    }
}
