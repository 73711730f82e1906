/**
 * Wengert reverse mode: the {@link dev.wengert.reverse.Tape} of primitive arrays,
 * {@link dev.wengert.reverse.Var}, {@link dev.wengert.reverse.ReverseMode}, replayable
 * {@link dev.wengert.reverse.Recording}s with second-order adjoints, compiled recordings
 * ({@link dev.wengert.reverse.CompiledRecording}, generated with ASM), and the read-only
 * {@link dev.wengert.reverse.TapeView}.
 *
 * <p>{@code dev.wengert.reverse.kernel} (the sweep kernels every mode shares, on the tape's own
 * arrays) is exported only to {@code dev.wengert.mixed}.
 */
@SuppressWarnings("module") // dev.wengert.mixed, named below, is compiled after this module
module dev.wengert.reverse {
    requires transitive dev.wengert.core;
    requires org.objectweb.asm;

    exports dev.wengert.reverse;
    exports dev.wengert.reverse.kernel to dev.wengert.mixed;

    provides dev.wengert.core.Differentiator with dev.wengert.reverse.ReverseMode;
}
