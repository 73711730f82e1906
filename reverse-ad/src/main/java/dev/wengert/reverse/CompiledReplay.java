package dev.wengert.reverse;

/**
 * A recording's replay compiled to bytecode ({@link Recording#compileReplay()}): per group of
 * entries a {@link Codegen#replayKernel} whose straight-line code writes, at a new point x, the
 * values and local partials into the tape's own arrays — {@code value[i]}, {@code partials[2i]},
 * {@code partials[2i+1]}, a linear combination's pair partials in {@code naryPartials} — exactly
 * the slots {@code Sweeps.replay} writes, with the same bits. Every reader of the tape (the
 * interpreted sweeps, {@link TapeView}, mixed mode) then sees the tape it would have seen after
 * an interpreted replay. Stateless: the kernels keep no numbers, so it holds no reference to the
 * tape.
 */
final class CompiledReplay {

    private final CompiledKernel[] kernels;

    private CompiledReplay(CompiledKernel[] kernels) {
        this.kernels = kernels;
    }

    /**
     * @param r a replayable recording, on its owner thread
     * @param maxEntries the largest size compiled
     * @return its compiled replay, or null if it is not compiled ({@link Codegen#obstacle})
     */
    static CompiledReplay of(Recording r, int maxEntries) {
        Codegen gen = new Codegen(r);
        if (gen.obstacle(maxEntries) != null) {
            return null;
        }
        int[] start = gen.groups();
        CompiledKernel[] kernels = new CompiledKernel[start.length];
        for (int g = 0; g < kernels.length; g++) {
            kernels[g] = gen.replayKernel(start[g], g + 1 < start.length ? start[g + 1] : r.size());
        }
        return new CompiledReplay(kernels);
    }

    /**
     * Moves the tape to x, as {@code Sweeps.replay(t, x)}.
     *
     * @param t the tape the code was generated from
     * @param x the point, one value per input
     */
    void replay(Tape t, double[] x) {
        for (CompiledKernel k : kernels) {
            k.replay(x, t.value, t.partials, t.naryPartials);
        }
    }
}
