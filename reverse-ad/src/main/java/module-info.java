/** Wengert reverse mode. */
module dev.wengert.reverse {
    requires transitive dev.wengert.core;

    exports dev.wengert.reverse;
}
