/**
 * Wengert mixed mode: the linearized computational graph, its cut into segments, Naumann's
 * Jacobian-chain planner, sparse Jacobians by colouring, and commons-math3 adapters.
 */
module dev.wengert.mixed {
    requires transitive dev.wengert.core;
    requires transitive dev.wengert.reverse;
    requires dev.wengert.forward;

    exports dev.wengert.mixed;

    provides dev.wengert.core.Differentiator with dev.wengert.mixed.MixedMode;
}
