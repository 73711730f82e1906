package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.Rules;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.ValueAndGradient;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.VarVectorFunction;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * Mixed mode: records f once, cuts the recording into a chain of segments at small live sets,
 * plans the Jacobian chain product with Naumann's dynamic programme — per segment tangent or
 * adjoint sweeps, across segments multiply, push tangents forward or pull adjoints back — and
 * executes the plan ({@link JacobianPlan} explains the cost model and the recurrence).
 *
 * <pre>{@code
 * MixedMode mixed = new MixedMode();
 * JacobianPlan plan = mixed.plan(Bottleneck::value, x);
 * System.out.println(plan.explain());          // segments, operations, cost vs pure modes
 * double[][] j = plan.jacobian();               // same as mixed.jacobian(f, x)
 * SparseJacobian s = mixed.sparseJacobian(f, x);   // pattern, colouring, compressed sweeps
 * }</pre>
 *
 * <p>The other derivatives delegate to the cheapest mode for them: {@link #gradient} and
 * {@link #vjp} to {@link ReverseMode} (one adjoint sweep), {@link #jvp} to {@link ForwardMode} (one
 * dual-number pass, no tape), {@link #hessian} to {@link ReverseMode} (n second-order adjoint
 * sweeps over one recording, fewer than the n(n+1)/2 hyper-dual passes of forward mode), and
 * {@link #hvp} and {@link #valueAndGradient} to {@link ReverseMode} (one recording, one
 * second-order adjoint sweep or one adjoint sweep). {@link #valueAndJacobian} executes the plan
 * and reads the values from the same recording, so f runs once. A
 * {@link dev.wengert.reverse.VarFunction} or {@link VarVectorFunction} (a lambda over
 * {@code Var}s) is taken by every method: its J·v comes from a tangent sweep over its recording,
 * since forward mode cannot run it.
 *
 * <p>Independent sweeps (the columns of a tangent step, the rows of an adjoint step, the colours
 * of a sparse Jacobian) and the rows of dense products run on the {@link Executor} (default:
 * {@link ForkJoinPool#commonPool()}); each block writes its own part of the result, so results
 * are bit-identical whatever the parallelism. Immutable and thread-safe.
 */
public final class MixedMode implements Differentiator {

    /** Default most segments a recording is cut into (fewer on a short one: see {@link #MixedMode(Executor, int)}). */
    public static final int DEFAULT_MAX_SEGMENTS = 32;

    private static final ReverseMode REVERSE = new ReverseMode();
    private static final ForwardMode FORWARD = new ForwardMode();

    private final Executor executor;
    private final int maxSegments;

    /** Mixed mode on the common fork-join pool, with at most 32 segments. */
    public MixedMode() {
        this(ForkJoinPool.commonPool(), DEFAULT_MAX_SEGMENTS);
    }

    /**
     * @param executor where independent sweeps run ({@code Runnable::run} for the calling thread only)
     */
    public MixedMode(Executor executor) {
        this(executor, DEFAULT_MAX_SEGMENTS);
    }

    /**
     * @param executor where independent sweeps run
     * @param maxSegments the most segments a recording is cut into, ≥ 1 (1: whole-tape pure modes
     *        only); a recording is also cut into at most one segment per 2,048 edges (2 below that),
     *        since each segment costs a step to plan and execute
     */
    public MixedMode(Executor executor, int maxSegments) {
        this.executor = Checks.notNull("executor", executor);
        if (!(maxSegments >= 1)) {
            throw new IllegalArgumentException("maxSegments (" + maxSegments + ") must be >= 1");
        }
        this.maxSegments = maxSegments;
    }

    /** @return {@code "mixed"} */
    @Override
    public String name() {
        return "mixed";
    }

    /**
     * Records f at x and plans its Jacobian.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return the plan, ready to {@link JacobianPlan#explain explain} or to {@link JacobianPlan#jacobian execute}
     */
    public JacobianPlan plan(VectorFunction f, double[] x) {
        return plan(Recordings.record(f, x));
    }

    /**
     * @param graph a linearized graph
     * @return its plan
     */
    JacobianPlan plan(LinearizedGraph graph) {
        return new JacobianPlan(graph, maxSegments, executor);
    }

    /**
     * Records f at x once and prepares its Jacobian for evaluation at many points by replay
     * (see {@link PreparedJacobian}).
     *
     * @param f the function
     * @param x the point to record at (length n ≥ 1)
     * @return the prepared Jacobian, confined to the calling thread
     */
    public PreparedJacobian prepare(VectorFunction f, double[] x) {
        Checks.notNull("f", f);
        Checks.point(x);
        Recording recording = REVERSE.record(f, x.clone());
        return new PreparedJacobian(recording, Recordings.linearize(recording), maxSegments, executor);
    }

    /** The Jacobian by executing the plan of {@link #plan(VectorFunction, double[])}. */
    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
        return plan(f, x).jacobian();
    }

    /**
     * The Jacobian in sparse storage: the pattern by index-set propagation on the recording, a
     * greedy distance-2 colouring of columns and of rows, one tangent sweep per column colour or
     * one adjoint sweep per row colour (the fewer), decompressed into CSR.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return the Jacobian, m × n, in CSR
     */
    public SparseJacobian sparseJacobian(VectorFunction f, double[] x) {
        return sparseJacobian(Recordings.record(f, x));
    }

    SparseJacobian sparseJacobian(LinearizedGraph graph) {
        return SparseSweeps.compute(graph, executor);
    }

    /**
     * ∇f by reverse mode: one adjoint sweep. Where that gives a NaN or ±∞ entry, f is at a
     * singular point of an intermediate, and the gradient is {@link #jacobian}'s row, in the order
     * it takes there (tangent sweeps), so gradient and Jacobian agree.
     */
    @Override
    public double[] gradient(ScalarFunction f, double[] x) {
        double[] g = REVERSE.gradient(f, x);
        for (double v : g) {
            if (!Double.isFinite(v)) {
                return jacobian(asVector(f), x)[0];
            }
        }
        return g;
    }

    private static VectorFunction asVector(ScalarFunction f) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T y = f.value(x);
                T[] r = MathArrays.buildArray(y.getField(), 1);
                r[0] = y;
                return r;
            }
        };
    }

    /** ∇²f by reverse mode: n second-order adjoint sweeps over one recording. */
    @Override
    public double[][] hessian(ScalarFunction f, double[] x) {
        return REVERSE.hessian(f, x);
    }

    /**
     * J·v by forward mode: one pass of dual numbers; for a {@link VarVectorFunction}, which runs
     * on {@code Var}s only, by reverse mode: one recording, one tangent sweep.
     */
    @Override
    public double[] jvp(VectorFunction f, double[] x, double[] v) {
        return f instanceof VarVectorFunction ? REVERSE.jvp(f, x, v) : FORWARD.jvp(f, x, v);
    }

    /** H·v by reverse mode: one recording, one tangent and one second-order adjoint sweep. */
    @Override
    public double[] hvp(ScalarFunction f, double[] x, double[] v) {
        return REVERSE.hvp(f, x, v);
    }

    /** (f(x), ∇f(x)) by reverse mode: one recording, the value from it, one adjoint sweep. */
    @Override
    public ValueAndGradient valueAndGradient(ScalarFunction f, double[] x) {
        return REVERSE.valueAndGradient(f, x);
    }

    /** (f(x), J): the plan of {@link #plan(VectorFunction, double[])} executed, the values from its recording. */
    @Override
    public ValueAndJacobian valueAndJacobian(VectorFunction f, double[] x) {
        JacobianPlan plan = plan(f, x);
        return new ValueAndJacobian(outputValues(plan.graph()), plan.jacobian());
    }

    /** @return the values of a graph's outputs, f(x) at the point it was recorded or refreshed at */
    static double[] outputValues(LinearizedGraph g) {
        double[] y = new double[g.outputCount()];
        for (int r = 0; r < y.length; r++) {
            y[r] = g.value(g.output(r));
        }
        return y;
    }

    /**
     * wᵀ·J by reverse mode: one adjoint sweep; where that gives a NaN or ±∞ entry, wᵀ times
     * {@link #jacobian} (see {@link #gradient}), zero weights skipped.
     */
    @Override
    public double[] vjp(VectorFunction f, double[] x, double[] w) {
        double[] r = REVERSE.vjp(f, x, w);
        for (double v : r) {
            if (!Double.isFinite(v)) {
                double[][] jac = jacobian(f, x);
                double[] s = new double[x.length];
                for (int i = 0; i < jac.length; i++) {
                    for (int j = 0; j < s.length; j++) {
                        s[j] += Rules.chain(jac[i][j], w[i]);
                    }
                }
                return s;
            }
        }
        return r;
    }

    /**
     * @return the settings, e.g. {@code "MixedMode[maxSegments=32, executor=common pool (parallelism 3)]"}:
     *         a fork-join pool or a thread-pool executor by its kind and size, any other executor by
     *         its class
     */
    @Override
    public String toString() {
        return "MixedMode[maxSegments=" + maxSegments + ", executor=" + describe(executor) + "]";
    }

    private static String describe(Executor executor) {
        if (executor == ForkJoinPool.commonPool()) {
            return "common pool (parallelism " + ForkJoinPool.getCommonPoolParallelism() + ")";
        }
        if (executor instanceof ForkJoinPool pool) {
            return "ForkJoinPool (parallelism " + pool.getParallelism() + ")";
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            return "ThreadPoolExecutor (" + pool.getCorePoolSize() + " to " + pool.getMaximumPoolSize() + " threads)";
        }
        String name = executor.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "a lambda in " + name.substring(0, lambda); // e.g. Runnable::run
    }
}
