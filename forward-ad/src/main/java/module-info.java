/**
 * Wengert forward mode: {@link dev.wengert.forward.Dual}, {@link dev.wengert.forward.DualVector},
 * {@link dev.wengert.forward.HyperDual} and {@link dev.wengert.forward.ForwardMode}.
 */
module dev.wengert.forward {
    requires transitive dev.wengert.core;

    exports dev.wengert.forward;

    provides dev.wengert.core.Differentiator with dev.wengert.forward.ForwardMode;
}
