package dev.wengert.properties;

import dev.wengert.core.Differentiator;
import dev.wengert.core.FiniteDifferences;

/** The reference itself honours the contract, to its own (approximate) tolerance. */
class FiniteDifferencesContractTest implements DifferentiatorContract {

    @Override
    public Differentiator differentiator() {
        return new FiniteDifferences();
    }

    @Override
    public double tolerance() {
        return 1e-9;
    }

    @Override
    public double hessianTolerance() {
        return 1e-6;
    }

}
