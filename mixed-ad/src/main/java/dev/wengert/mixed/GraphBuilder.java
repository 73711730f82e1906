package dev.wengert.mixed;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Builds a {@link LinearizedGraph} entry by entry, in tape order: first the inputs, then each
 * operation with its operands and local partials, then the outputs. Growable primitive arrays,
 * no object per entry. Tests build small graphs by hand with it; a reverse-ad recording is frozen
 * into a graph directly by the static {@link #freeze} (see {@code Recordings}).
 */
final class GraphBuilder {

    private final int inputs;
    private String[] ops;
    private double[] values;
    private int[] operandStart;
    private int[] operands;
    private double[] partials;
    private int size;
    private int edges;

    /**
     * @param x the input values; entries 0..x.length−1
     */
    GraphBuilder(double[] x) {
        this(x, 2 * x.length);
    }

    /**
     * @param x the input values; entries 0..x.length−1
     * @param expected the expected number of entries, to size the arrays
     */
    GraphBuilder(double[] x, int expected) {
        inputs = x.length;
        int capacity = Math.max(16, Math.max(expected, x.length));
        ops = new String[capacity];
        values = new double[capacity];
        operandStart = new int[capacity + 1];
        operands = new int[2 * capacity];
        partials = new double[2 * capacity];
        for (double xi : x) {
            add("input", xi);
        }
    }

    /** @return the number of entries so far */
    int size() {
        return size;
    }

    /**
     * @param value a constant
     * @return its entry
     */
    int constant(double value) {
        return add("const", value);
    }

    /**
     * @param op the operation's name
     * @param value its value
     * @param operand its operand
     * @param partial ∂value/∂operand
     * @return the new entry
     */
    int unary(String op, double value, int operand, double partial) {
        edge(operand, partial);
        return add(op, value);
    }

    /**
     * @param op the operation's name
     * @param value its value
     * @param a the first operand
     * @param pa ∂value/∂a
     * @param b the second operand
     * @param pb ∂value/∂b
     * @return the new entry
     */
    int binary(String op, double value, int a, double pa, int b, double pb) {
        edge(a, pa);
        edge(b, pb);
        return add(op, value);
    }

    /**
     * @param op the operation's name
     * @param value its value
     * @param args its operands
     * @param ps the partials, one per operand
     * @return the new entry
     */
    int nary(String op, double value, int[] args, double[] ps) {
        return nary(op, value, args, ps, args.length);
    }

    /**
     * @param op the operation's name
     * @param value its value
     * @param args its operands (the first {@code count})
     * @param ps the partials, one per operand
     * @param count the number of operands
     * @return the new entry
     */
    int nary(String op, double value, int[] args, double[] ps, int count) {
        for (int k = 0; k < count; k++) {
            edge(args[k], ps[k]);
        }
        return add(op, value);
    }

    private void edge(int operand, double partial) {
        if (operand < 0 || operand >= size) {
            throw new IllegalArgumentException("operand " + operand + " must be an existing entry, 0 to " + (size - 1));
        }
        if (edges == operands.length) {
            operands = Arrays.copyOf(operands, 2 * edges);
            partials = Arrays.copyOf(partials, 2 * edges);
        }
        operands[edges] = operand;
        partials[edges] = partial;
        edges++;
    }

    private int add(String op, double value) {
        if (size == values.length) {
            int capacity = 2 * size;
            ops = Arrays.copyOf(ops, capacity);
            values = Arrays.copyOf(values, capacity);
            operandStart = Arrays.copyOf(operandStart, capacity + 1);
        }
        ops[size] = op;
        values[size] = value;
        size++;
        operandStart[size] = edges;
        return size - 1;
    }

    /**
     * Freezes the graph, keeping only derivative-carrying edges: an edge from a passive operand
     * (not depending on any input) is dropped, and so are the edges of entries no output depends
     * on (dead code); such entries stay in the list, inactive, so entry numbers do not change.
     *
     * @param outputs the output entries
     * @return the graph
     */
    LinearizedGraph build(int[] outputs) {
        String[] names = Arrays.copyOf(ops, size);
        return freeze(inputs, i -> names[i], values, size, operandStart, operands, partials, outputs, null, false);
    }

    /**
     * Freezes a graph given in CSR arrays (as {@link #build}), keeping only derivative-carrying
     * edges, in two passes over the edges (and an array copy if some edge is dropped):
     * <ol>
     *   <li>forward: an entry is active if it is an input or some operand is active;</li>
     *   <li>backward: an active entry is kept if it is an output or a kept entry uses it (its last
     *       use is then known, for every user is later on the tape), so the same pass gives each
     *       value's last use and the live-size differences of {@link Cutter} (value v is live at
     *       the cut positions max(v + 1, n) … lastUse(v)), and moves each kept edge up towards
     *       the end of the arrays as it is met, so that they end up contiguous, in order;</li>
     *   <li>only if an edge was dropped: the kept edges are copied to the front (one array copy).</li>
     * </ol>
     * Arrays longer than needed are trimmed.
     *
     * @param inputs the number of inputs n (entries 0..n−1)
     * @param ops per entry, the op name
     * @param values per entry, the value
     * @param size the number of entries
     * @param operandStart per entry i, its first edge; operandStart[size] the edge count (overwritten,
     *        like operands and partials: the graph may keep these arrays)
     * @param operands per edge, the operand entry (&lt; its own entry)
     * @param partials per edge, the local partial
     * @param outputs the output entries
     * @param sourceEdge null (edge e comes from source edge e), or per edge where its partial comes from
     * @param trace whether the graph keeps, per kept edge, where it came from ({@code g.sourceEdge};
     *        left null when every edge is kept and sourceEdge is null: kept edge e is source edge e)
     * @return the graph
     */
    static LinearizedGraph freeze(int inputs, IntFunction<String> ops, double[] values, int size, int[] operandStart,
            int[] operands, double[] partials, int[] outputs, int[] sourceEdge, boolean trace) {
        for (int r = 0; r < outputs.length; r++) {
            if (outputs[r] < 0 || outputs[r] >= size) {
                throw new IllegalArgumentException("output " + r + " is entry " + outputs[r]
                        + ", but entries are 0 to " + (size - 1));
            }
        }
        int total = operandStart[size];
        boolean[] active = new boolean[size];
        for (int i = 0; i < inputs; i++) {
            active[i] = true;
        }
        for (int i = inputs; i < size; i++) {
            int end = operandStart[i + 1];
            for (int e = operandStart[i]; e < end; e++) {
                if (active[operands[e]]) {
                    active[i] = true;
                    break;
                }
            }
        }
        // backward: kept entries, last uses (0 = unused: a user is always later), live differences;
        // the kept edges are moved up to the end of the arrays as they are met (each to a place
        // at or after its own, never over one not yet read), and operandStart[i + 1] becomes the
        // end of entry i's kept edges
        int[] lastUse = new int[size];
        for (int o : outputs) {
            lastUse[o] = size;
        }
        int[] diff = new int[size - inputs + 2];
        int[] from = sourceEdge;
        int w = total;                          // kept edges are at [w, total)
        for (int i = size - 1; i >= 0; i--) {
            int begin = operandStart[i];
            int end = operandStart[i + 1];
            operandStart[i + 1] = w;
            int last = lastUse[i];
            if (!active[i] || last <= i) {
                active[i] = false;
                if (trace && from == null && begin < end) {
                    from = identity(total);
                }
                continue;
            }
            int firstLive = Math.max(i + 1, inputs);
            if (firstLive <= last) {
                diff[firstLive - inputs]++;
                diff[last - inputs + 1]--;
            }
            for (int e = end - 1; e >= begin; e--) {
                int u = operands[e];
                if (active[u]) {
                    w--;
                    if (w != e) {
                        operands[w] = u;
                        partials[w] = partials[e];
                        if (from != null) {
                            from[w] = from[e];
                        }
                    }
                    if (lastUse[u] <= u) {
                        lastUse[u] = i;
                    }
                } else if (trace && from == null) {
                    from = identity(total);
                }
            }
        }
        int kept = total - w;
        int[] live = new int[size - inputs + 1];
        int run = 0;
        for (int p = 0; p < live.length; p++) {
            run += diff[p];
            live[p] = run;
        }
        int[] start = trim(operandStart, size + 1);
        start[0] = w;
        if (w > 0) {
            for (int i = 0; i <= size; i++) {
                start[i] -= w;
            }
            operands = Arrays.copyOfRange(operands, w, total);
            partials = Arrays.copyOfRange(partials, w, total);
            if (from != null) {
                from = Arrays.copyOfRange(from, w, total);
            }
        }
        LinearizedGraph g = new LinearizedGraph(inputs, ops, trim(values, size), start,
                trim(operands, kept), trim(partials, kept), outputs.clone(), active, lastUse, live);
        if (trace && from != null) {
            g.sourceEdge = trim(from, kept);
        }
        return g;
    }

    private static int[] identity(int length) {
        int[] a = new int[length];
        for (int e = 0; e < length; e++) {
            a[e] = e;
        }
        return a;
    }

    private static int[] trim(int[] a, int length) {
        return a.length == length ? a : Arrays.copyOf(a, length);
    }

    private static double[] trim(double[] a, int length) {
        return a.length == length ? a : Arrays.copyOf(a, length);
    }
}
