package dev.wengert.mixed;

import dev.wengert.core.Checks;
import dev.wengert.core.VectorFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;

/**
 * The adapter from reverse-ad: records f on a tape ({@link ReverseMode#record}) and copies its
 * {@link TapeView} — entries, operands, local partials, values, inputs, outputs — into a
 * {@link LinearizedGraph}, renumbering so that input k is entry k. This is the only class of
 * mixed-ad that reads a tape.
 */
final class Recordings {

    private static final ReverseMode REVERSE = new ReverseMode();

    private Recordings() {
    }

    /**
     * @param f the function
     * @param x the point
     * @return the linearized graph of f at x
     */
    static LinearizedGraph record(VectorFunction f, double[] x) {
        Checks.notNull("f", f);
        Checks.point(x);
        return linearize(REVERSE.record(f, x.clone()));
    }

    /**
     * @param recording a reverse-ad recording
     * @return its linearized graph
     */
    static LinearizedGraph linearize(Recording recording) {
        TapeView view = recording.view();
        int size = view.size();
        int n = view.inputCount();
        double[] x = new double[n];
        int[] map = new int[size];
        java.util.Arrays.fill(map, -1);
        for (int k = 0; k < n; k++) {
            int entry = view.inputIndex(k);
            x[k] = view.value(entry);
            map[entry] = k;
        }
        GraphBuilder b = new GraphBuilder(x, size);
        String[] names = new String[64];
        int[] args = new int[4];
        double[] ps = new double[4];
        for (int i = 0; i < size; i++) {
            if (map[i] >= 0) {
                continue;
            }
            int arity = view.arity(i);
            if (arity == 0) {
                map[i] = b.constant(view.value(i));
                continue;
            }
            if (arity > args.length) {
                args = new int[Math.max(arity, 2 * args.length)];
                ps = new double[args.length];
            }
            for (int k = 0; k < arity; k++) {
                args[k] = map[view.operand(i, k)];
                ps[k] = view.partial(i, k);
            }
            int code = view.opCode(i);
            if (code >= names.length) {
                names = java.util.Arrays.copyOf(names, 2 * code + 1);
            }
            if (names[code] == null) {
                names[code] = view.opName(i);
            }
            map[i] = b.traced(names[code], view.value(i), args, ps, arity, i);
        }
        int[] outputs = new int[view.outputCount()];
        for (int r = 0; r < outputs.length; r++) {
            outputs[r] = map[view.outputIndex(r)];
        }
        LinearizedGraph g = b.build(outputs);
        g.entrySource = new int[g.size()];
        for (int i = 0; i < size; i++) {
            g.entrySource[map[i]] = i;
        }
        return g;
    }

    /**
     * Moves a recording to a new point by replay and copies its new values and partials into a
     * graph linearized from it (the structure is the recording's, so only numbers change).
     *
     * @param recording the recording, on the thread that made it
     * @param g a graph from {@link #linearize} of that recording, with numbers of its own
     * @param x the new point
     * @throws IllegalStateException if the recording cannot be replayed
     */
    static void refresh(Recording recording, LinearizedGraph g, double[] x) {
        recording.replay(x);
        TapeView view = recording.view();
        for (int e = 0; e < g.partials.length; e++) {
            g.partials[e] = view.partial(g.sourceEntry[e], g.sourceOperand[e]);
        }
        for (int i = 0; i < g.values.length; i++) {
            g.values[i] = view.value(g.entrySource[i]);
        }
    }
}
