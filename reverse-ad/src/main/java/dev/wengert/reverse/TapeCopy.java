package dev.wengert.reverse;

/**
 * An immutable copy of a closed tape's entry arrays, from which each thread makes a
 * {@link Recording} of its own: how an interpreted {@link CompiledRecording} replays from many
 * threads, since a tape is confined to the thread that created it.
 */
final class TapeCopy {

    private final byte[] op;
    private final double[] value;
    private final int[] args;
    private final double[] partials;
    private final int size;
    private final int leaves;
    private final int[] inputs;
    private final int[] naryArgs;
    private final double[] naryPartials;
    private final int[] outputs;

    /**
     * @param t a closed tape
     * @param outputs its recording's output entries
     */
    TapeCopy(Tape t, int[] outputs) {
        size = t.size;
        op = java.util.Arrays.copyOf(t.op, Math.max(size, 1));
        value = java.util.Arrays.copyOf(t.value, Math.max(size, 1));
        args = java.util.Arrays.copyOf(t.args, 2 * Math.max(size, 1));
        partials = java.util.Arrays.copyOf(t.partials, 2 * Math.max(size, 1));
        leaves = t.leaves;
        inputs = java.util.Arrays.copyOf(t.inputs, t.inputCount);
        naryArgs = java.util.Arrays.copyOf(t.naryArgs, t.narySize);
        naryPartials = java.util.Arrays.copyOf(t.naryPartials, t.narySize);
        this.outputs = outputs.clone();
    }

    /** @return a recording of the copied entries, owned by the calling thread */
    Recording recording() {
        Tape t = new Tape(1);
        t.op = op.clone();
        t.value = value.clone();
        t.args = args.clone();
        t.partials = partials.clone();
        t.size = size;
        t.leaves = leaves;
        t.inputs = inputs.clone();
        t.inputCount = inputs.length;
        t.naryArgs = naryArgs.clone();
        t.naryPartials = naryPartials.clone();
        t.narySize = naryArgs.length;
        return t.seal(outputs.clone());
    }
}
