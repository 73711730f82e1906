package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.VectorFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import dev.wengert.reverse.kernel.Entries;
import dev.wengert.reverse.kernel.OpCodes;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The adapter from reverse-ad: records f on a tape ({@link ReverseMode#record}) and makes its
 * Wengert list a {@link LinearizedGraph} in place — the graph reads the recording's own arrays
 * ({@link Entries#of}), so a replay moves it to a new point with nothing copied. This is the only
 * class of mixed-ad that reads a recording.
 *
 * <p>Mixed mode numbers input k as entry k, which is how {@link ReverseMode#record} tapes them. A
 * recording made by hand with its inputs elsewhere (after a constant, say) is the one exception:
 * its entries are renumbered once into arrays of the graph's own, and {@link #refresh} copies its
 * new values and partials there after each replay.
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
     * @param recording a reverse-ad recording, on the thread that made it
     * @return its linearized graph, over the recording's own arrays when its inputs lead the tape
     */
    static LinearizedGraph linearize(Recording recording) {
        Entries list = Entries.of(recording);
        TapeView view = recording.view();
        boolean identity = true;
        for (int k = 0; k < list.inputCount && identity; k++) {
            identity = list.inputs[k] == k;
        }
        if (identity) {
            return LinearizedGraph.over(list, view::opName, list.outputs);
        }
        int size = list.size;
        int n = list.inputCount;
        int[] map = new int[size];
        Arrays.fill(map, -1);
        for (int k = 0; k < n; k++) {
            map[list.inputs[k]] = k;
        }
        int next = n;
        for (int i = 0; i < size; i++) {
            if (map[i] < 0) {
                map[i] = next++;
            }
        }
        // inputs first, then the other entries in tape order (still topological)
        int[] source = new int[size];
        for (int i = 0; i < size; i++) {
            source[map[i]] = i;
        }
        byte[] op = new byte[size];
        int[] args = new int[2 * size];
        int[] nary = list.naryArgs.clone();
        for (int k = 0; k < nary.length; k++) {
            nary[k] = map[nary[k]];
        }
        for (int v = 0; v < size; v++) {
            int i = source[v];
            op[v] = list.op[i];
            int kind = OpCodes.KIND[op[v]];
            boolean operands = kind == OpCodes.ONE || kind == OpCodes.TWO;
            args[2 * v] = operands ? map[list.args[2 * i]] : list.args[2 * i];
            args[2 * v + 1] = kind == OpCodes.TWO ? map[list.args[2 * i + 1]] : list.args[2 * i + 1];
        }
        int[] inputs = new int[n];
        for (int k = 0; k < n; k++) {
            inputs[k] = k;
        }
        int[] outputs = new int[list.outputs.length];
        for (int r = 0; r < outputs.length; r++) {
            outputs[r] = map[list.outputs[r]];
        }
        Entries copy = new Entries(op, new double[size], args, new double[2 * size], nary, list.naryPartials,
                size, n, inputs, n, outputs);
        copyNumbers(list, copy, source);
        IntFunction<String> names = v -> view.opName(source[v]);
        LinearizedGraph g = LinearizedGraph.over(copy, names, outputs);
        g.entrySource = source;
        return g;
    }

    /** Values and partials of a renumbered copy from its recording (the side arrays are shared). */
    private static void copyNumbers(Entries from, Entries to, int[] source) {
        for (int v = 0; v < to.size; v++) {
            int i = source[v];
            to.value[v] = from.value[i];
            to.partials[2 * v] = from.partials[2 * i];
            to.partials[2 * v + 1] = from.partials[2 * i + 1];
        }
    }

    /**
     * Moves a recording to a new point by replay: its graph, reading the recording's arrays, is then
     * at the new point too (a renumbered copy gets the new values and partials copied in).
     *
     * @param recording the recording, on the thread that made it
     * @param g a graph from {@link #linearize linearize(recording)}
     * @param x the new point
     * @throws IllegalStateException if the recording cannot be replayed
     */
    static void refresh(Recording recording, LinearizedGraph g, double[] x) {
        recording.replay(x);
        if (g.entrySource != null) {
            copyNumbers(Entries.of(recording), g.list, g.entrySource);
        }
    }
}
