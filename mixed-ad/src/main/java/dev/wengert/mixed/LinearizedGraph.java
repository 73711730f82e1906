package dev.wengert.mixed;

import dev.wengert.reverse.kernel.Entries;
import dev.wengert.reverse.kernel.OpCodes;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The linearized computational graph of one recording, read-only: the recording's own Wengert list
 * (its op, operand, partial and value arrays, {@link Entries}) and a few light index arrays over it —
 * which entries carry a derivative, each value's last use, the live-set sizes and the kept-edge
 * counts. Nothing of the tape is copied: after a replay the graph sees the new values and partials.
 *
 * <p>Entries are numbered in tape (topological) order. Entries 0..n−1 are the n inputs; every
 * later entry v<sub>i</sub> has operands v<sub>j</sub> (j &lt; i) and local partials
 * ∂v<sub>i</sub>/∂v<sub>j</sub>; the m outputs are entry indices.
 *
 * <p>Worked example, z = x·y + x² at x = 2, y = 3:
 * <pre>
 * entry  op      value  operands  partials
 *   0    input     2      —         —
 *   1    input     3      —         —
 *   2    *         6     0, 1      3, 2      (∂(xy)/∂x = y, ∂(xy)/∂y = x)
 *   3    square    4     0         4         (2x)
 *   4    +        10     2, 3      1, 1
 * outputs: [4]      kept edges before each entry (operandStart) = [0, 0, 0, 2, 3, 5]
 * </pre>
 * A tangent sweep computes v̇<sub>i</sub> = Σ ∂v<sub>i</sub>/∂v<sub>j</sub>·v̇<sub>j</sub> in
 * increasing i; an adjoint sweep v̄<sub>j</sub> += ∂v<sub>i</sub>/∂v<sub>j</sub>·v̄<sub>i</sub> in
 * decreasing i. Both are the kernels of reverse mode, run on the tape's arrays in place.
 *
 * <p>Edges from a <em>passive</em> operand (a constant) are not counted and carry nothing (a sweep
 * reads a zero tangent there), and entries no output depends on (dead code) are inactive: sweeps
 * skip them. Both stay in the list, so entry numbers are the tape's.
 */
public final class LinearizedGraph {

    final int inputs;
    /** per entry, its op name, read from the recording on demand (explain(), DOT and tests) */
    final IntFunction<String> ops;
    /** the Wengert list: the recording's own arrays (or, for a recording whose inputs are not its
     *  leading entries, a renumbered copy kept in step by {@code Recordings.refresh}) */
    final Entries list;
    final int[] outputs;
    /** per entry, whether it carries a derivative: it depends on an input and an output depends on it */
    final boolean[] active;
    /**
     * per entry v, the last entry using it through a kept edge, N for an output; a value ≤ v if
     * no entry uses it
     */
    final int[] lastUse;
    /** |L(p)| for the cut positions p = n..N, at index p − n (see {@link Cutter}) */
    final int[] live;
    /** per entry i, the number of kept edges (active entry, active operand) of the entries before i */
    final int[] operandStart;
    /** for a renumbered copy: per entry, the recording's entry it copies; null when the list is the recording's */
    int[] entrySource;

    LinearizedGraph(int inputs, IntFunction<String> ops, Entries list, int[] outputs, boolean[] active,
            int[] lastUse, int[] live, int[] operandStart) {
        this.inputs = inputs;
        this.ops = ops;
        this.list = list;
        this.outputs = outputs;
        this.active = active;
        this.lastUse = lastUse;
        this.live = live;
        this.operandStart = operandStart;
    }

    /**
     * Builds the index arrays over a Wengert list whose entries 0..n−1 are its inputs, in one
     * backward pass over its operands. Every entry but a constant depends on an input (the tape
     * folds an operation on constants into a constant, and {@link GraphBuilder} does the same), so
     * an entry is active if it is not a constant and it is an output or a kept entry uses it (its
     * last use is then known, for every user is later on the tape). The same pass gives each value's
     * last use, the live-size differences of {@link Cutter} (value v is live at the cut positions
     * max(v + 1, n) … lastUse(v)) and the kept-edge counts.
     *
     * @param list the entries (inputs 0..n−1)
     * @param names per entry, its op name
     * @param outputs the output entries
     * @return the graph
     */
    static LinearizedGraph over(Entries list, IntFunction<String> names, int[] outputs) {
        int size = list.size;
        int inputs = list.inputCount;
        for (int r = 0; r < outputs.length; r++) {
            if (outputs[r] < 0 || outputs[r] >= size) {
                throw new IllegalArgumentException("output " + r + " is entry " + outputs[r]
                        + ", but entries are 0 to " + (size - 1));
            }
        }
        final byte[] op = list.op;
        final int[] args = list.args;
        final int[] nary = list.naryArgs;
        final byte[] kind = OpCodes.KIND;
        final int constant = OpCodes.CONSTANT;
        boolean[] active = new boolean[size];
        int[] lastUse = new int[size];
        for (int o : outputs) {
            lastUse[o] = size;
        }
        int[] diff = new int[size - inputs + 2];
        int[] kept = new int[size + 1];
        for (int i = size - 1; i >= 0; i--) {
            int last = lastUse[i];
            if (op[i] == constant || last <= i) {
                continue;
            }
            active[i] = true;
            int firstLive = Math.max(i + 1, inputs);
            if (firstLive <= last) {
                diff[firstLive - inputs]++;
                diff[last - inputs + 1]--;
            }
            int p = 2 * i;
            int count = 0;
            int k = kind[op[i]];
            if (k == OpCodes.ONE || k == OpCodes.TWO) {
                int u = args[p];
                if (op[u] != constant) {
                    count++;
                    if (lastUse[u] <= u) {
                        lastUse[u] = i;
                    }
                }
                if (k == OpCodes.TWO) {
                    u = args[p + 1];
                    if (op[u] != constant) {
                        count++;
                        if (lastUse[u] <= u) {
                            lastUse[u] = i;
                        }
                    }
                }
            } else if (k == OpCodes.MANY) {
                for (int q = args[p], end = q + args[p + 1]; q < end; q++) {
                    int u = nary[q];
                    if (op[u] != constant) {
                        count++;
                        if (lastUse[u] <= u) {
                            lastUse[u] = i;
                        }
                    }
                }
            }
            kept[i + 1] = count;
        }
        for (int i = 0; i < size; i++) {
            kept[i + 1] += kept[i];
        }
        int[] live = new int[size - inputs + 1];
        int run = 0;
        for (int p = 0; p < live.length; p++) {
            run += diff[p];
            live[p] = run;
        }
        return new LinearizedGraph(inputs, names, list, outputs.clone(), active, lastUse, live, kept);
    }

    /** @return n, the number of inputs (entries 0..n−1) */
    public int inputs() {
        return inputs;
    }

    /** @return the number of entries, inputs included */
    public int size() {
        return list.size;
    }

    /** @return m, the number of outputs */
    public int outputCount() {
        return outputs.length;
    }

    /**
     * @param r an output's position, 0 ≤ r &lt; m
     * @return the entry holding output r
     */
    public int output(int r) {
        return outputs[r];
    }

    /** @return a copy of the output entry indices */
    public int[] outputs() {
        return Arrays.copyOf(outputs, outputs.length);
    }

    /**
     * @param i an entry
     * @return its operation's name ("input", "const", "*", "sin", …)
     */
    public String op(int i) {
        if (i < 0 || i >= list.size) {
            throw new IndexOutOfBoundsException("entry " + i + " of a graph with " + list.size + " entries");
        }
        return ops.apply(i);
    }

    /**
     * @param i an entry
     * @return its value
     */
    public double value(int i) {
        return list.value[i];
    }

    /**
     * @param i an entry
     * @return whether it carries a derivative: it depends on some input and some output depends on
     *         it (constants and dead code are not active)
     */
    public boolean isActive(int i) {
        return active[i];
    }

    /**
     * @param i an entry
     * @return the number of its (active) operands
     */
    public int operandCount(int i) {
        return operandStart[i + 1] - operandStart[i];
    }

    /**
     * @param i an entry
     * @param k which operand, 0 ≤ k &lt; operandCount(i)
     * @return the operand's entry index
     */
    public int operand(int i, int k) {
        return list.operand(i, slot(i, k));
    }

    /**
     * @param i an entry
     * @param k which operand
     * @return the local partial ∂v<sub>i</sub>/∂v<sub>operand(i, k)</sub>
     */
    public double partial(int i, int k) {
        return list.partial(i, slot(i, k));
    }

    /** The tape operand slot of entry i's k-th active operand. */
    private int slot(int i, int k) {
        int count = operandCount(i);
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("operand " + k + " of entry " + i + ", which has " + count);
        }
        for (int t = 0, seen = 0; ; t++) {
            if (active[list.operand(i, t)] && seen++ == k) {
                return t;
            }
        }
    }

    /**
     * @param i an active entry
     * @param buffer room for its tape operands (at least {@link Entries#arity} of them)
     * @return the number of its active operands, written to the buffer in operand order
     */
    int activeOperands(int i, int[] buffer) {
        int count = 0;
        for (int t = 0, a = list.arity(i); t < a; t++) {
            int u = list.operand(i, t);
            if (active[u]) {
                buffer[count++] = u;
            }
        }
        return count;
    }

    /** @return the number of edges (local partials), the cost of one sweep over the whole graph */
    public int edges() {
        return operandStart[list.size];
    }

    /**
     * Whether some kept local partial is ±∞ or NaN (a singular point of an intermediate: sqrt or
     * hypot at 0, log at 0, a pole). There, products of the local Jacobians are not associative —
     * ∞·(1 − 1) is 0 but ∞·1 − ∞·1 is NaN — so tangent and adjoint sweeps may disagree, and mixed
     * mode takes one order, tangent sweeps ({@link JacobianPlan#jacobian()}).
     *
     * @return true if a partial is not finite
     */
    boolean singular() {
        byte[] op = list.op;
        int[] args = list.args;
        double[] partials = list.partials;
        int[] nary = list.naryArgs;
        double[] naryPartials = list.naryPartials;
        boolean[] active = this.active;
        for (int i = inputs, size = list.size; i < size; i++) {
            if (!active[i]) {
                continue;
            }
            int p = 2 * i;
            switch (OpCodes.KIND[op[i]]) {
                case OpCodes.ONE -> {
                    if (active[args[p]] && !Double.isFinite(partials[p])) {
                        return true;
                    }
                }
                case OpCodes.TWO -> {
                    if (active[args[p]] && !Double.isFinite(partials[p])
                            || active[args[p + 1]] && !Double.isFinite(partials[p + 1])) {
                        return true;
                    }
                }
                case OpCodes.MANY -> {
                    for (int k = args[p], end = k + args[p + 1]; k < end; k++) {
                        if (active[nary[k]] && !Double.isFinite(naryPartials[k])) {
                            return true;
                        }
                    }
                }
                default -> { }
            }
        }
        return false;
    }
}
