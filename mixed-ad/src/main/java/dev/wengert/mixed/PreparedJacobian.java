package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.reverse.Recording;
import java.util.concurrent.Executor;

/**
 * A Jacobian prepared once and evaluated at many points — what a Newton or Gauss–Newton solver
 * needs. Preparing records f once (on a reverse-ad tape), cuts and plans the chain, and detects
 * the sparsity pattern with its colouring; each evaluation then <em>replays</em> the recording at
 * the new point (one loop over the tape's primitive arrays, user code not run) — the plan sweeps
 * those same arrays, so nothing is copied — and executes the same plan or the same compressed sweeps.
 *
 * <pre>{@code
 * PreparedJacobian prepared = new MixedMode().prepare(residual, x0);
 * for (int it = 0; it < 20; it++) {
 *     SparseJacobian j = prepared.sparseJacobian(x);    // pattern and colours reused
 *     double[] r = prepared.values();                   // f(x) from the same replay
 *     ...
 * }
 * }</pre>
 *
 * <p>Replay requires that no value escaped into user code while recording (no
 * {@code getReal()} on any Var but a constant, inputs included — {@code Recording}'s replay rule):
 * otherwise the operations recorded at x0 may not be the
 * ones f performs elsewhere, and evaluation at a new point throws {@link IllegalStateException}.
 * Like the recording it holds, a prepared Jacobian belongs to the thread that prepared it; it is
 * not thread-safe (its sweeps still run on the executor).
 */
public final class PreparedJacobian {

    private final Recording recording;
    private final LinearizedGraph graph;
    private final JacobianPlan plan;
    private final Executor executor;
    private SparseSweeps sparse;

    PreparedJacobian(Recording recording, LinearizedGraph graph, int maxSegments, Executor executor) {
        this.recording = recording;
        this.graph = graph;
        this.executor = executor;
        this.plan = new JacobianPlan(graph, maxSegments, executor);
    }

    /** @return whether evaluation at points other than the recorded one is possible */
    public boolean isReplayable() {
        return recording.isReplayable();
    }

    /**
     * @param x the point (length n)
     * @return the Jacobian at x by the plan, m rows of n
     * @throws IllegalStateException if the recording cannot be replayed
     */
    public double[][] jacobian(double[] x) {
        moveTo(x);
        return plan.jacobian();
    }

    /** @return the Jacobian by the plan at the current point (the recorded one before any replay) */
    double[][] jacobianAtCurrentPoint() {
        return plan.jacobian();
    }

    /**
     * @param x the point (length n)
     * @return the sparse Jacobian at x; the pattern and colouring are detected at the first call
     *         and reused
     * @throws IllegalStateException if the recording cannot be replayed
     */
    public SparseJacobian sparseJacobian(double[] x) {
        moveTo(x);
        if (sparse == null) {
            sparse = new SparseSweeps(graph);
        }
        return sparse.compute(executor);
    }

    /** @return f at the point of the last evaluation (the recorded point before any) */
    public double[] values() {
        return MixedMode.outputValues(graph);
    }

    /** @return the plan's explanation (its structure and costs do not depend on the point) */
    public String explain() {
        return plan.explain();
    }

    private void moveTo(double[] x) {
        Checks.length("point x (one per input)", x, graph.inputs());
        Recordings.refresh(recording, graph, x.clone());
    }
}
