package dev.wengert.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * How mixed mode computes the Jacobian of one recording: the chain of segments, the sweep mode of
 * each, the order of products, pushes and pulls, and its predicted cost against pure forward and
 * pure reverse mode, all in one cost model.
 *
 * <p><b>Cost model.</b> Everything is counted in multiply-adds. A tangent or adjoint sweep over a
 * segment costs its edge count τ = α (one multiply-add per local partial); a dense product of an
 * m × k by a k × n matrix costs m·k·n. Pure forward mode is n<sub>0</sub> tangent sweeps over
 * the whole tape, pure reverse m adjoint sweeps (n<sub>0</sub> and m counting the inputs and
 * outputs that carry derivatives). The plan is the minimum of the dynamic programme of
 * {@link ChainPlanner}, so {@code predictedCost() ≤ min(pureForwardCost(), pureReverseCost())}.
 *
 * <p>Example, f: R<sup>4</sup> → R → R<sup>4</sup> with 40 edges on each side of the waist:
 * segment 0 (fan-in 4, fan-out 1) by 1 adjoint sweep (40), segment 1 (fan-in 1, fan-out 4) by 1
 * tangent sweep (40), then the 4 × 1 by 1 × 4 product (16): 96 against 320 for either pure mode.
 *
 * <p>A plan is immutable; {@link #jacobian()} may be called from several threads.
 */
public final class JacobianPlan {

    private final LinearizedGraph graph;
    private final Cutter.Chain chain;
    private final List<ChainPlanner.Step> steps;
    private final Sweep[] programs;
    private final List<Segment> segments;
    private final long predicted;
    private final long pureForward;
    private final long pureReverse;
    private final Executor executor;
    /** the whole tape as one program when the plan costs what a pure mode costs, else null */
    private final SegmentProgram whole;
    /** with {@link #whole}: tangent (pure forward) or adjoint (pure reverse) sweeps */
    private final boolean wholeTangent;

    JacobianPlan(LinearizedGraph graph, int maxSegments, Executor executor) {
        this.graph = graph;
        this.executor = executor;
        int[] lastUse = Cutter.lastUse(graph);
        int[] live = Cutter.liveSizes(graph);
        int[] cuts = Cutter.chooseCuts(live, graph.inputs, Cutter.segmentLimit(graph.edges(), maxSegments));
        this.chain = Cutter.chain(graph, lastUse, cuts);
        int len = chain.length();
        int[] bounds = chain.bounds();
        long[] fanIn = new long[len];
        long[] fanOut = new long[len];
        long[] tau = new long[len];
        for (int s = 0; s < len; s++) {
            fanIn[s] = chain.liveSets()[s].length;
            fanOut[s] = chain.liveSets()[s + 1].length;
            tau[s] = graph.operandStart[bounds[s + 1]] - graph.operandStart[bounds[s]];
        }
        ChainPlanner planner = new ChainPlanner(fanIn, fanOut, tau);
        this.steps = List.copyOf(planner.steps());
        this.predicted = planner.predictedCost();
        this.pureForward = planner.pureForwardCost();
        this.pureReverse = planner.pureReverseCost();
        int[] scratch = new int[graph.size()];
        // a plan that costs what a pure mode costs runs that mode straight into the result
        wholeTangent = predicted >= pureForward;
        whole = wholeTangent || predicted >= pureReverse ? chain.program(graph, 0, len - 1, scratch) : null;
        // otherwise one sweep per sweeping step, over the whole range of segments it sweeps:
        // direct for a few directions, a compiled program for more
        this.programs = whole != null ? new Sweep[] {whole} : new Sweep[steps.size()];
        SweepMode[] modes = new SweepMode[len];
        for (int k = 0; k < steps.size(); k++) {
            ChainPlanner.Step step = steps.get(k);
            switch (step.kind()) {
                case TANGENT -> {
                    modes[step.i()] = SweepMode.TANGENT;
                    if (whole == null) {
                        programs[k] = sweep(step.i(), step.i(), fanIn[step.i()], scratch);
                    }
                }
                case ADJOINT -> {
                    modes[step.i()] = SweepMode.ADJOINT;
                    if (whole == null) {
                        programs[k] = sweep(step.i(), step.i(), fanOut[step.i()], scratch);
                    }
                }
                case PUSH -> {
                    Arrays.fill(modes, step.k() + 1, step.j() + 1, SweepMode.TANGENT);
                    if (whole == null) {
                        programs[k] = sweep(step.k() + 1, step.j(), fanIn[step.i()], scratch);
                    }
                }
                case PULL -> {
                    Arrays.fill(modes, step.i(), step.k() + 1, SweepMode.ADJOINT);
                    if (whole == null) {
                        programs[k] = sweep(step.i(), step.k(), fanOut[step.j()], scratch);
                    }
                }
                default -> { }
            }
        }
        List<Segment> list = new ArrayList<>(len);
        for (int s = 0; s < len; s++) {
            list.add(new Segment(s, bounds[s], bounds[s + 1] - 1, bounds[s + 1] - bounds[s], tau[s],
                    (int) fanIn[s], (int) fanOut[s], modes[s]));
        }
        this.segments = Collections.unmodifiableList(list);
    }

    /**
     * @param from the first segment swept
     * @param to the last segment swept
     * @param directions how many directions the step sweeps
     * @param scratch an int array of the graph's size
     * @return a {@link DirectSweep} for at most {@link SegmentProgram#NARROW} directions (nothing
     *         to compile), else a compiled {@link SegmentProgram}
     */
    private Sweep sweep(int from, int to, long directions, int[] scratch) {
        if (directions <= SegmentProgram.NARROW) {
            int[] bounds = chain.bounds();
            return new DirectSweep(graph, bounds[from], bounds[to + 1], chain.liveSets()[from], chain.liveSets()[to + 1]);
        }
        return chain.program(graph, from, to, scratch);
    }

    /** @return the predicted cost of this plan, in multiply-adds */
    public long predictedCost() {
        return predicted;
    }

    /** @return the cost of pure forward mode in the same model: n<sub>0</sub> tangent sweeps over the tape */
    public long pureForwardCost() {
        return pureForward;
    }

    /** @return the cost of pure reverse mode in the same model: m adjoint sweeps over the tape */
    public long pureReverseCost() {
        return pureReverse;
    }

    /** @return the chain of segments, in tape order, each with the sweep mode the plan gives it */
    public List<Segment> segments() {
        return segments;
    }

    /** @return the linearized graph the plan was made for */
    public LinearizedGraph graph() {
        return graph;
    }

    /** @return the number of inputs n (Jacobian columns) */
    public int inputs() {
        return graph.inputs;
    }

    /** @return the number of outputs m (Jacobian rows) */
    public int outputs() {
        return graph.outputs.length;
    }

    /** @return the plan's operations in execution order, one line each, with their own cost */
    public List<String> operations() {
        return PlanText.operations(this);
    }

    /**
     * Executes the plan: segment Jacobians by tangent or adjoint sweeps, then the products,
     * pushes and pulls in order, independent sweeps on the executor. A plan whose predicted cost
     * equals pure forward's (else pure reverse's) runs that pure mode over the whole tape instead,
     * straight into the result ({@link PureSweeps}): the same cost in the model, without the
     * identity seeds and intermediate matrices.
     *
     * <p><b>At singular points</b> — where a local partial is ±∞ or NaN, or an entry of the result
     * is — the order of the chain-rule products changes the answer (∞·(1 − 1) = 0 but
     * ∞·1 − ∞·1 = NaN), so the plan is not followed: the Jacobian is computed by tangent sweeps over
     * the whole recording, the order of forward mode, of {@link MixedMode#sparseJacobian} there,
     * and the same whatever the plan. Elsewhere the plan's order changes only the rounding.
     *
     * @return the Jacobian, m rows of n columns
     */
    public double[][] jacobian() {
        if (graph.singular()) {
            return PureSweeps.jacobian(graph, tangentProgram(), true, executor);
        }
        double[][] jacobian = planned();
        if (!(whole != null && wholeTangent) && !finite(jacobian)) {
            // an overflow in this order: the tangent order decides, as at a singular point
            return PureSweeps.jacobian(graph, tangentProgram(), true, executor);
        }
        return jacobian;
    }

    /** @return the whole recording as one program, for tangent sweeps over all of it */
    private SegmentProgram tangentProgram() {
        return whole != null ? whole : chain.program(graph, 0, chain.length() - 1, new int[graph.size()]);
    }

    static boolean finite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private double[][] planned() {
        if (whole != null) {
            return PureSweeps.jacobian(graph, whole, wholeTangent, executor);
        }
        int[] columns = chain.liveSets()[0];
        int[] rows = chain.liveSets()[chain.length()];
        int m = graph.outputs.length;
        double[][] jacobian = new double[m][graph.inputs];
        int[] rowOf = new int[m];
        for (int r = 0; r < m; r++) {
            rowOf[r] = Arrays.binarySearch(rows, graph.outputs[r]);
        }
        // every input live: column c is input c
        int[] columnOf = columns.length == graph.inputs ? null : columns;
        int last = steps.size() - 1;
        if (steps.get(last).kind() == ChainPlanner.Kind.MULTIPLY) {
            // the last product goes straight into the result's rows
            PlanExecutor.Matrix[] left = PlanExecutor.execute(steps, programs, last, executor);
            PlanExecutor.multiplyInto(left[1], left[0], jacobian, rowOf, columnOf, executor);
            return jacobian;
        }
        PlanExecutor.Matrix result = PlanExecutor.execute(steps, programs, steps.size(), executor)[0];
        for (int r = 0; r < m; r++) {
            int pos = rowOf[r];
            if (pos >= 0) {
                int base = pos * result.columns();
                double[] row = jacobian[r];
                if (columnOf == null) {
                    System.arraycopy(result.data(), base, row, 0, row.length);
                } else {
                    for (int c = 0; c < columns.length; c++) {
                        row[columns[c]] = result.data()[base + c];
                    }
                }
            }
        }
        return jacobian;
    }

    /**
     * @return a readable table: the segments (entries, ops, edges, fan-in, fan-out, mode), the
     *         operations in order with their costs, and the predicted cost against both pure
     *         modes with the ratios
     */
    public String explain() {
        return PlanText.explain(this);
    }

    /**
     * @return the computational graph in Graphviz DOT, each segment a cluster coloured by its mode
     *         (tangent blue, adjoint orange); at most 400 entries are drawn
     */
    public String toDot() {
        return PlanText.dot(this, PlanText.DOT_NODES);
    }

    /**
     * @param maxNodes the most tape entries to draw (≥ 1); a note says how many were left out
     * @return the computational graph in Graphviz DOT
     */
    public String toDot(int maxNodes) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes (" + maxNodes + ") must be >= 1");
        }
        return PlanText.dot(this, maxNodes);
    }

    List<ChainPlanner.Step> steps() {
        return steps;
    }

    /** @return the sweep of each step (null for a product), or the one whole-tape program of a pure plan */
    Sweep[] programs() {
        return programs;
    }

    @Override
    public String toString() {
        return "JacobianPlan[" + segments.size() + " segments, predicted " + predicted + ", forward "
                + pureForward + ", reverse " + pureReverse + "]";
    }
}
