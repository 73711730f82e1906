/** Wengert mixed mode. */
module dev.wengert.mixed {
    requires transitive dev.wengert.core;
    requires transitive dev.wengert.reverse;
    requires dev.wengert.forward;

    exports dev.wengert.mixed;
}
