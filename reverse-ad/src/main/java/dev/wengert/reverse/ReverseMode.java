package dev.wengert.reverse;

import dev.wengert.core.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;

/**
 * Reverse mode: f is run once on {@link Var}s, recording every elementary operation on a
 * {@link Tape}, and derivatives come from sweeps over that recording.
 *
 * <ul>
 *   <li>{@link #gradient} and {@link #vjp}: one adjoint sweep — the cost of a few evaluations of
 *       f, whatever n is (the "cheap gradient");</li>
 *   <li>{@link #jacobian}: m adjoint sweeps over one recording;</li>
 *   <li>{@link #jvp}: one tangent sweep over the stored partials;</li>
 *   <li>{@link #hessian}: n second-order adjoint sweeps (forward over reverse, H·eⱼ each).</li>
 * </ul>
 *
 * <p>{@link #record(VectorFunction, double[])} keeps the {@link Recording} for more sweeps, and
 * for replay at new points without running f again.
 *
 * <p>Immutable and thread-safe: every call records on a tape of its own, created and confined to
 * the calling thread; if f throws, that tape is dropped and nothing else is affected.
 */
public final class ReverseMode implements Differentiator {

    /** Reverse mode; it has no settings. */
    public ReverseMode() {
    }

    /** @return {@code "reverse"} */
    @Override
    public String name() {
        return "reverse";
    }

    /** ∇f(x): record f once, one adjoint sweep seeded with f̄ = 1. */
    @Override
    public double[] gradient(ScalarFunction f, double[] x) {
        return recordScalar(f, x, false).gradient();
    }

    /** J(x): record f once, then row i by an adjoint sweep seeded at output i (adjoints reset between rows). */
    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
        return recordVector(f, x, false).jacobian();
    }

    /** ∇²f(x): record f once, column j = H·eⱼ by a tangent sweep and a second-order adjoint sweep. */
    @Override
    public double[][] hessian(ScalarFunction f, double[] x) {
        return recordScalar(f, x, false).hessian();
    }

    /** J·v: record f once, one tangent sweep over the stored partials. */
    @Override
    public double[] jvp(VectorFunction f, double[] x, double[] v) {
        Checks.notNull("f", f);
        Checks.length("direction v (one per input)", v, Checks.point(x));
        return recordVector(f, x, false).jvp(v);
    }

    /** wᵀ·J: record f once, one adjoint sweep seeded with w at the outputs. */
    @Override
    public double[] vjp(VectorFunction f, double[] x, double[] w) {
        return recordVector(f, x, false).vjp(w);
    }

    /**
     * Records f at x for repeated sweeps and replay.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return the recording, confined to the calling thread
     */
    public Recording record(VectorFunction f, double[] x) {
        return recordVector(f, x, true);
    }

    /**
     * Records a scalar f at x for repeated sweeps and replay.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return the recording (one output), confined to the calling thread
     */
    public Recording record(ScalarFunction f, double[] x) {
        return recordScalar(f, x, true);
    }

    /**
     * The tape's first capacity: 8 entries per input (at most 2¹⁸ entries, 8.6 MB), a guess that
     * spares most functions the copies of a growing tape — growth from 64 entries cost half the
     * recording time of the n = 1000 Rosenbrock benchmark. Stateless: nothing is remembered between
     * calls.
     */
    static int initialCapacity(int n) {
        return (int) Math.min(1 << 18, 8L * n + 64);
    }

    private static Recording recordScalar(ScalarFunction f, double[] x, boolean trim) {
        Checks.notNull("f", f);
        Checks.point(x);
        Tape tape = new Tape(initialCapacity(x.length));
        try {
            Var y = Checks.output(f.value(tape.inputs(x)));
            int out = tape.output(y, 0);
            return trim ? tape.record(y) : tape.seal(new int[] {out});
        } finally {
            tape.closed = true;
        }
    }

    private static Recording recordVector(VectorFunction f, double[] x, boolean trim) {
        Checks.notNull("f", f);
        Checks.point(x);
        Tape tape = new Tape(initialCapacity(x.length));
        try {
            Var[] y = f.value(tape.inputs(x));
            int m = Checks.outputs(y, -1);
            int[] out = new int[m];
            for (int k = 0; k < m; k++) {
                out[k] = tape.output(y[k], k);
            }
            return trim ? tape.record(y) : tape.seal(out);
        } finally {
            tape.closed = true;
        }
    }
}
