package dev.wengert.reverse;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.ValueAndGradient;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reverse mode: f is run once on {@link Var}s, recording every elementary operation on a
 * {@link Tape}, and derivatives come from sweeps over that recording.
 *
 * <ul>
 *   <li>{@link #gradient} and {@link #vjp}: one adjoint sweep — the cost of a few evaluations of
 *       f, whatever n is (the "cheap gradient");</li>
 *   <li>{@link #jacobian}: m adjoint sweeps over one recording;</li>
 *   <li>{@link #jvp}: one tangent sweep over the stored partials;</li>
 *   <li>{@link #hessian}: n second-order adjoint sweeps (forward over reverse, H·eⱼ each);</li>
 *   <li>{@link #hvp}: one tangent sweep and one second-order adjoint sweep (H·v);</li>
 *   <li>{@link #valueAndGradient} and {@link #valueAndJacobian}: as {@link #gradient} and
 *       {@link #jacobian}, the values read from the recording (f runs once).</li>
 * </ul>
 *
 * <p>A {@link VarFunction} or {@link VarVectorFunction} — a lambda over {@code Var}s — is
 * differentiated by every method here like a generic function.
 *
 * <p>{@link #record(VectorFunction, double[])} keeps the {@link Recording} for more sweeps, and
 * for replay at new points without running f again.
 *
 * <p>Thread-safe: every call records on a tape of its own, created and confined to the calling
 * thread; if f throws, that tape is dropped and nothing else is affected. The one thing an instance
 * remembers between calls is a <b>size hint</b> — the number of entries of its latest recording —
 * so that the next tape is allocated at the right size at once instead of growing (each growth
 * copies every array, and a new array is zeroed by the JVM: at n = 1000 Rosenbrock the tape
 * arrays are a fifth of the gradient's time). The hint only chooses a capacity: results never
 * depend on it, a race between threads merely picks one of their sizes, and a wrong guess costs
 * a growth (too small) or a larger allocation once (too large; the next call uses the smaller
 * size).
 *
 * <p>The one-shot calls ({@link #gradient}, {@link #jacobian}, {@link #hessian}, {@link #jvp},
 * {@link #vjp}) also keep their tape's arrays, and the adjoint work array, as a <b>spare</b> for
 * the next call (at most one spare per instance, of at most {@value #MAX_SPARE} entries): the
 * next tape is then neither allocated nor zeroed, and its arrays are likely still in cache. The
 * spare is taken and given back atomically, so two threads never share it (a thread that finds
 * none allocates). The tape that gave its arrays away is emptied: a {@code Var} that user code
 * leaked out of a finished one-shot call can neither take part in operations nor read its value
 * (both throw {@link IllegalStateException}); to keep values, keep the {@link Recording}
 * ({@link #record}), which never gives its arrays away.
 */
public final class ReverseMode implements Differentiator {

    /** Largest first capacity taken from the hint: 2²² entries (138 MB); beyond, the tape grows. */
    static final int MAX_HINT = 1 << 22;

    /** Largest tape kept for reuse: 2²⁰ entries (35 MB with its adjoints); larger ones are dropped. */
    static final int MAX_SPARE = 1 << 20;

    /** Entries of the latest recording (0: none yet); see the class comment. */
    private final AtomicInteger sizeHint = new AtomicInteger();

    /** The arrays of the latest one-shot call's tape, for the next call; see the class comment. */
    private final AtomicReference<Tape.Storage> spare = new AtomicReference<>();

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
        Recording r = recordScalar(f, x, false);
        double[] g = r.gradient();
        recycle(r);
        return g;
    }

    /** J(x): record f once, then row i by an adjoint sweep seeded at output i (adjoints reset between rows). */
    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
        Recording r = recordVector(f, x, false);
        double[][] jac = r.jacobian();
        recycle(r);
        return jac;
    }

    /** ∇²f(x): record f once, column j = H·eⱼ by a tangent sweep and a second-order adjoint sweep. */
    @Override
    public double[][] hessian(ScalarFunction f, double[] x) {
        Recording r = recordScalar(f, x, false);
        double[][] h = r.hessian();
        recycle(r);
        return h;
    }

    /** J·v: record f once, one tangent sweep over the stored partials. */
    @Override
    public double[] jvp(VectorFunction f, double[] x, double[] v) {
        Checks.notNull("f", f);
        Checks.length("direction v (one per input)", v, Checks.point(x));
        Recording r = recordVector(f, x, false);
        double[] jv = r.jvp(v);
        recycle(r);
        return jv;
    }

    /** wᵀ·J: record f once, one adjoint sweep seeded with w at the outputs. */
    @Override
    public double[] vjp(VectorFunction f, double[] x, double[] w) {
        Recording r = recordVector(f, x, false);
        double[] wj = r.vjp(w);
        recycle(r);
        return wj;
    }

    /** H·v: record f once, one tangent sweep and one second-order adjoint sweep (forward over reverse). */
    @Override
    public double[] hvp(ScalarFunction f, double[] x, double[] v) {
        Checks.notNull("f", f);
        Checks.length("direction v (one per input)", v, Checks.point(x));
        Recording r = recordScalar(f, x, false);
        double[] hv = r.hessianVector(v);
        recycle(r);
        return hv;
    }

    /** (f(x), ∇f(x)): record f once, the value from the recording, one adjoint sweep. */
    @Override
    public ValueAndGradient valueAndGradient(ScalarFunction f, double[] x) {
        Recording r = recordScalar(f, x, false);
        ValueAndGradient result = new ValueAndGradient(r.value(), r.gradient());
        recycle(r);
        return result;
    }

    /** (f(x), J): record f once, the values from the recording, m adjoint sweeps. */
    @Override
    public ValueAndJacobian valueAndJacobian(VectorFunction f, double[] x) {
        Recording r = recordVector(f, x, false);
        ValueAndJacobian result = new ValueAndJacobian(r.values(), r.jacobian());
        recycle(r);
        return result;
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
     * The tape's first capacity before any hint: 8 entries per input (at most 2¹⁸ entries,
     * 8.6 MB), a guess that spares most functions the copies of a growing tape — growth from 64
     * entries cost half the recording time of the n = 1000 Rosenbrock benchmark.
     */
    static int initialCapacity(int n) {
        return (int) Math.min(1 << 18, 8L * n + 64);
    }

    /**
     * A new tape for n inputs, sized by the hint if there is one, else by {@link #initialCapacity};
     * a one-shot call ({@code reuse}) takes the spare arrays instead if they are large enough.
     */
    private Tape newTape(int n, boolean reuse) {
        int hint = sizeHint.get();
        int capacity = hint > 0 ? Math.min(hint, MAX_HINT) : initialCapacity(n);
        if (reuse) {
            Tape.Storage storage = spare.getAndSet(null);
            if (storage != null && storage.capacity() >= capacity) {
                return new Tape(storage);
            }
        }
        return new Tape(capacity);
    }

    /** After a one-shot call: keeps the recording's arrays (if not too large) for the next call. */
    private void recycle(Recording r) {
        Tape.Storage storage = r.release();
        if (storage.capacity() <= MAX_SPARE) {
            // a release store: the arrays' contents are published to the thread that takes the
            // spare (getAndSet, which is atomic, so two threads never share it), without the full
            // fence of a volatile store
            spare.lazySet(storage);
        }
    }

    /** Remembers the size of a completed recording for the next tape. */
    private void learn(Tape tape) {
        int size = Math.max(tape.size(), 1);
        if (sizeHint.get() != size) {
            sizeHint.set(size);
        }
    }

    private Recording recordScalar(ScalarFunction f, double[] x, boolean trim) {
        Checks.notNull("f", f);
        Checks.point(x);
        Tape tape = newTape(x.length, !trim);
        try {
            Var y = Checks.output(f.value(tape.inputs(x)));
            int out = tape.output(y, 0);
            learn(tape);
            return trim ? tape.record(y) : tape.seal(new int[] {out});
        } finally {
            tape.close();
        }
    }

    private Recording recordVector(VectorFunction f, double[] x, boolean trim) {
        Checks.notNull("f", f);
        Checks.point(x);
        Tape tape = newTape(x.length, !trim);
        try {
            Var[] y = f.value(tape.inputs(x));
            int m = Checks.outputs(y, -1);
            int[] out = new int[m];
            for (int k = 0; k < m; k++) {
                out[k] = tape.output(y[k], k);
            }
            learn(tape);
            return trim ? tape.record(y) : tape.seal(out);
        } finally {
            tape.close();
        }
    }

    /** @return {@code "ReverseMode"} (it has no settings) */
    @Override
    public String toString() {
        return "ReverseMode";
    }
}
