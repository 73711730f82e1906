/** Wengert forward mode. */
module dev.wengert.forward {
    requires transitive dev.wengert.core;

    exports dev.wengert.forward;
}
