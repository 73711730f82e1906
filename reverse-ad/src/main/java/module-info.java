/**
 * Wengert reverse mode: the {@link dev.wengert.reverse.Tape} of primitive arrays,
 * {@link dev.wengert.reverse.Var}, {@link dev.wengert.reverse.ReverseMode}, replayable
 * {@link dev.wengert.reverse.Recording}s with second-order adjoints, compiled recordings
 * ({@link dev.wengert.reverse.CompiledRecording}, generated with ASM), and the read-only
 * {@link dev.wengert.reverse.TapeView}.
 */
module dev.wengert.reverse {
    requires transitive dev.wengert.core;
    requires org.objectweb.asm;

    exports dev.wengert.reverse;

    provides dev.wengert.core.Differentiator with dev.wengert.reverse.ReverseMode;
}
