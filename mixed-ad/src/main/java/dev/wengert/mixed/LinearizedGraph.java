package dev.wengert.mixed;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The linearized computational graph of one recording, read-only: the tape with every entry's
 * local partials, in compressed sparse row (CSR) primitive arrays.
 *
 * <p>Entries are numbered in tape (topological) order. Entries 0..n−1 are the n inputs; every
 * later entry v<sub>i</sub> has operands v<sub>j</sub> (j &lt; i) and local partials
 * ∂v<sub>i</sub>/∂v<sub>j</sub>; the m outputs are entry indices. Entry i's operands are
 * {@code operands[operandStart[i] .. operandStart[i+1])}, with the partial of the same position.
 *
 * <p>Worked example, z = x·y + x² at x = 2, y = 3:
 * <pre>
 * entry  op      value  operands  partials
 *   0    input     2      —         —
 *   1    input     3      —         —
 *   2    *         6     0, 1      3, 2      (∂(xy)/∂x = y, ∂(xy)/∂y = x)
 *   3    square    4     0         4         (2x)
 *   4    +        10     2, 3      1, 1
 * outputs: [4]      operandStart = [0, 0, 0, 2, 3, 5]
 * </pre>
 * A tangent sweep computes v̇<sub>i</sub> = Σ ∂v<sub>i</sub>/∂v<sub>j</sub>·v̇<sub>j</sub> in
 * increasing i; an adjoint sweep v̄<sub>j</sub> += ∂v<sub>i</sub>/∂v<sub>j</sub>·v̄<sub>i</sub> in
 * decreasing i. Both are plain loops over these arrays.
 *
 * <p>Edges from a <em>passive</em> operand (a constant, or a value computed from constants
 * only) are dropped when the graph is built, as are the edges of dead code (entries no output
 * depends on): they carry no derivative.
 */
public final class LinearizedGraph {

    final int inputs;
    /**
     * per entry, its op name; for a graph copied from a recording this reads the tape's view on
     * demand (names are wanted only by {@code explain()}, DOT and tests), so copying a tape costs
     * no pass over its op codes — the graph then keeps the tape's view alive
     */
    final IntFunction<String> ops;
    final double[] values;
    final int[] operandStart;
    final int[] operands;
    final double[] partials;
    final int[] outputs;
    final boolean[] active;
    /**
     * per entry v, the last entry using it through a kept edge, N for an output; a value ≤ v if
     * no entry uses it (computed once, when the graph is frozen)
     */
    final int[] lastUse;
    /** |L(p)| for the cut positions p = n..N, at index p − n (see {@link Cutter}) */
    final int[] live;
    /**
     * for a graph copied from a recording: per edge, its position in the tape's edge list
     * ({@code TapeView.copyEdges}); null if edge e is tape edge e
     */
    int[] sourceEdge;
    /** for a graph copied from a recording: the tape's edge count */
    int tapeEdges;
    /** scratch of {@code Recordings.refresh}: the tape's partials (this graph's own, never shared) */
    double[] tapePartials;
    /** for a graph copied from a recording: per entry, the tape entry it copies; null if entry i is tape entry i */
    int[] entrySource;

    /**
     * @return a copy whose values and partials may be refreshed after a replay, sharing the
     *         structure (entries, operands, outputs) with this graph
     */
    LinearizedGraph withOwnNumbers() {
        LinearizedGraph copy = new LinearizedGraph(inputs, ops, values.clone(), operandStart, operands,
                partials.clone(), outputs, active, lastUse, live);
        copy.sourceEdge = sourceEdge;
        copy.tapeEdges = tapeEdges;
        copy.entrySource = entrySource;
        return copy;
    }

    LinearizedGraph(int inputs, IntFunction<String> ops, double[] values, int[] operandStart, int[] operands,
            double[] partials, int[] outputs, boolean[] active, int[] lastUse, int[] live) {
        this.inputs = inputs;
        this.ops = ops;
        this.values = values;
        this.operandStart = operandStart;
        this.operands = operands;
        this.partials = partials;
        this.outputs = outputs;
        this.active = active;
        this.lastUse = lastUse;
        this.live = live;
    }

    /** @return n, the number of inputs (entries 0..n−1) */
    public int inputs() {
        return inputs;
    }

    /** @return the number of entries, inputs included */
    public int size() {
        return values.length;
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
        if (i < 0 || i >= values.length) {
            throw new IndexOutOfBoundsException("entry " + i + " of a graph with " + values.length + " entries");
        }
        return ops.apply(i);
    }

    /**
     * @param i an entry
     * @return its value
     */
    public double value(int i) {
        return values[i];
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
        return operands[operandStart[i] + k];
    }

    /**
     * @param i an entry
     * @param k which operand
     * @return the local partial ∂v<sub>i</sub>/∂v<sub>operand(i, k)</sub>
     */
    public double partial(int i, int k) {
        return partials[operandStart[i] + k];
    }

    /** @return the number of edges (local partials), the cost of one sweep over the whole graph */
    public int edges() {
        return operands.length;
    }

    /**
     * Whether some local partial is ±∞ or NaN (a singular point of an intermediate: sqrt or
     * hypot at 0, log at 0, a pole). There, products of the local Jacobians are not associative —
     * ∞·(1 − 1) is 0 but ∞·1 − ∞·1 is NaN — so tangent and adjoint sweeps may disagree, and mixed
     * mode takes one order, tangent sweeps ({@link JacobianPlan#jacobian()}).
     *
     * @return true if a partial is not finite
     */
    boolean singular() {
        for (double p : partials) {
            if (!Double.isFinite(p)) {
                return true;
            }
        }
        return false;
    }
}
