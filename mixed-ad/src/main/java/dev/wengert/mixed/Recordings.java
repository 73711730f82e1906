package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.VectorFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import java.util.Arrays;
import java.util.function.IntFunction;

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
     * @return the linearized graph of f at x (not refreshable: it keeps no edge map)
     */
    static LinearizedGraph record(VectorFunction f, double[] x) {
        Checks.notNull("f", f);
        Checks.point(x);
        return linearize(REVERSE.record(f, x.clone()), false);
    }

    /**
     * Copies a recording into a graph in one pass: the tape's edges and values in bulk
     * ({@link TapeView#copyEdges}, {@link TapeView#copyValues}), entries renumbered so that input
     * k is entry k (the identity when the inputs were taped first, in order, as
     * {@link ReverseMode#record} does), then frozen ({@link GraphBuilder#freeze}: passive and
     * dead edges dropped). Op names are read from the tape's view when asked for.
     *
     * @param recording a reverse-ad recording
     * @param refreshable whether the graph will be {@link #refresh refreshed} after replays: it then
     *        keeps, per edge and per entry, where on the tape its numbers come from
     * @return its linearized graph
     */
    static LinearizedGraph linearize(Recording recording, boolean refreshable) {
        TapeView view = recording.view();
        int size = view.size();
        int n = view.inputCount();
        int[] start = new int[size + 1];
        int edges = (int) view.edgeCount();
        int[] operands = new int[edges];
        double[] partials = new double[edges];
        view.copyEdges(start, operands, partials);
        double[] values = new double[size];
        view.copyValues(values);
        boolean identity = true;
        for (int k = 0; k < n && identity; k++) {
            identity = view.inputIndex(k) == k;
        }
        int[] map = null;
        int[] sourceEdge = null;       // null while edge e is tape edge e
        int[] entrySource = null;
        if (!identity) {
            map = new int[size];
            Arrays.fill(map, -1);
            for (int k = 0; k < n; k++) {
                map[view.inputIndex(k)] = k;
            }
            int next = n;
            for (int i = 0; i < size; i++) {
                if (map[i] < 0) {
                    map[i] = next++;
                }
            }
            sourceEdge = new int[edges];
            // inputs first, then the other entries in tape order (still topological)
            entrySource = new int[size];
            for (int i = 0; i < size; i++) {
                entrySource[map[i]] = i;
            }
            int[] gStart = new int[size + 1];
            int[] gOperands = new int[edges];
            double[] gPartials = new double[edges];
            double[] gValues = new double[size];
            int e = 0;
            for (int v = 0; v < size; v++) {
                int i = entrySource[v];
                gValues[v] = values[i];
                for (int t = start[i]; t < start[i + 1]; t++) {
                    gOperands[e] = map[operands[t]];
                    gPartials[e] = partials[t];
                    sourceEdge[e++] = t;
                }
                gStart[v + 1] = e;
            }
            start = gStart;
            operands = gOperands;
            partials = gPartials;
            values = gValues;
        }
        int[] outputs = new int[view.outputCount()];
        for (int r = 0; r < outputs.length; r++) {
            int o = view.outputIndex(r);
            outputs[r] = map == null ? o : map[o];
        }
        int[] source = entrySource;
        IntFunction<String> names = source == null ? view::opName : i -> view.opName(source[i]);
        LinearizedGraph g = GraphBuilder.freeze(n, names, values, size, start, operands, partials, outputs,
                refreshable ? sourceEdge : null, refreshable);
        g.tapeEdges = edges;
        g.entrySource = entrySource;
        return g;
    }

    /**
     * Moves a recording to a new point by replay and copies its new values and partials into a
     * graph linearized from it (the structure is the recording's, so only numbers change), in
     * bulk ({@link TapeView#copyEdges}, {@link TapeView#copyValues}).
     *
     * @param recording the recording, on the thread that made it
     * @param g a graph from {@link #linearize linearize(recording, true)}, with numbers of its own
     * @param x the new point
     * @throws IllegalStateException if the recording cannot be replayed
     */
    static void refresh(Recording recording, LinearizedGraph g, double[] x) {
        recording.replay(x);
        TapeView view = recording.view();
        if (g.sourceEdge == null) {
            view.copyEdges(null, null, g.partials);
        } else {
            if (g.tapePartials == null) {
                g.tapePartials = new double[g.tapeEdges];
            }
            double[] tape = g.tapePartials;
            view.copyEdges(null, null, tape);
            int[] source = g.sourceEdge;
            double[] partials = g.partials;
            for (int e = 0; e < partials.length; e++) {
                partials[e] = tape[source[e]];
            }
        }
        if (g.entrySource == null) {
            view.copyValues(g.values);
        } else {
            double[] values = new double[g.values.length];
            view.copyValues(values);
            for (int i = 0; i < values.length; i++) {
                g.values[i] = values[g.entrySource[i]];
            }
        }
    }
}
