package dev.wengert.forward;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.ValueAndGradient;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;

/**
 * Forward-mode automatic differentiation: the function runs once per pass on numbers that carry
 * tangents beside their values ({@link Dual}, {@link DualVector}, {@link HyperDual}), and the
 * derivatives come out with the result. Costs, for f: R<sup>n</sup> → R<sup>m</sup> and chunk
 * size k:
 * <ul>
 *   <li>{@link #gradient} and {@link #jacobian}: ⌈n/k⌉ passes over {@link DualVector}s, each
 *       seeding k inputs with unit tangents (the last chunk may be shorter);</li>
 *   <li>{@link #jvp} and, for scalar f, {@link #directionalDerivative}: one pass over
 *       {@link Dual}s seeded with the direction v;</li>
 *   <li>{@link #vjp}: wᵀ·J through the full Jacobian — n tangents in ⌈n/k⌉ passes (forward mode
 *       has no cheaper way to pull weights back; reverse mode does it in one sweep);</li>
 *   <li>{@link #hessian}: n(n+1)/2 passes over {@link HyperDual}s, one per pair j ≤ l seeding
 *       ε1 on x<sub>j</sub> and ε2 on x<sub>l</sub>; H<sub>jl</sub> and H<sub>lj</sub> are the same
 *       number, so the Hessian is symmetric by construction;</li>
 *   <li>{@link #hvp}: n {@link HyperDual} passes, pass i seeding ε1 with the unit vector
 *       e<sub>i</sub> and ε2 with v, whose ε1ε2 part is e<sub>i</sub>ᵀ·H·v = (H·v)<sub>i</sub> (one
 *       hyper-dual pass gives one number uᵀ·H·v, so n are needed — against n(n+1)/2 for the
 *       Hessian; reverse mode does it in one sweep);</li>
 *   <li>{@link #valueAndGradient} and {@link #valueAndJacobian}: as {@link #gradient} and
 *       {@link #jacobian}, the values read from the first pass (f is not run again);</li>
 *   <li>{@link #derivative} and {@link #secondDerivative} for f: R → R: one pass each.</li>
 * </ul>
 *
 * <p>Comparisons inside user code ({@code getReal()}) see the value only, so the branch taken
 * never depends on the chunk size. For n ≤ k one pass does.
 *
 * <p><b>Chunk size.</b> A {@link DualVector} carries only the range of tangents its value depends
 * on, so an operation costs about as many tangent operations as the chunk's inputs it reaches —
 * not k — and larger chunks mostly save passes; they still cost where an operation depends on
 * many inputs (a running sum, a dense function), since its tangent range then spans the chunk.
 * Partially separable functions favour large chunks, up to the point where the running sum,
 * whose range grows to the whole chunk, costs more than a pass; a dense function gains nothing
 * from a larger chunk once every intermediate carries all k tangents. The default
 * {@value #DEFAULT_CHUNK_SIZE} was chosen by the JMH sweeps {@code DualVectorGradientBenchmark}
 * (extended Rosenbrock) and {@code GmmForwardGradientBenchmark} (ADBench GMM) over k; their
 * figures are in the benchmarks journal ({@code benchmarks/JOURNAL.md}).
 *
 * <p><b>The pass rule.</b> Each pass seeds its inputs with a fresh pass identity, carried by every
 * number computed from them; numbers of two different passes never combine (an operation on them,
 * or an output of an earlier pass, throws {@link IllegalArgumentException}), since a number kept
 * from an earlier call, chunk or Hessian pair — a cache inside f — carries tangents that mean
 * nothing in this pass. Constants (no tangent) and numbers built with the public factories belong
 * to no pass and combine with any. A number of another kind inside a pass (a reverse-mode
 * {@code Var}) is named in an {@link IllegalArgumentException}. See docs/safety.md.
 *
 * <p>Immutable and thread-safe: a call keeps all its state on its own stack.
 *
 * <p>Example: {@code new ForwardMode().gradient(Examples::rosenbrock, new double[] {1, 2})}.
 */
public final class ForwardMode implements Differentiator {

    /** The default number of tangents per {@link DualVector} pass. */
    public static final int DEFAULT_CHUNK_SIZE = 64;

    private final int chunkSize;

    /** Forward mode with chunks of {@value #DEFAULT_CHUNK_SIZE} tangents. */
    public ForwardMode() {
        this(DEFAULT_CHUNK_SIZE);
    }

    /**
     * @param chunkSize the number k ≥ 1 of tangents per pass for gradients and Jacobians
     * @throws IllegalArgumentException if {@code chunkSize} &lt; 1
     */
    public ForwardMode(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1, but is " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /** @return the number of tangents per pass */
    public int chunkSize() {
        return chunkSize;
    }

    /** @return {@code "forward"} */
    @Override
    public String name() {
        return "forward";
    }

    /** ∇f(x) in ⌈n/k⌉ {@link DualVector} passes. */
    @Override
    public double[] gradient(ScalarFunction f, double[] x) {
        return gradient(f, x, null);
    }

    /** (f(x), ∇f(x)) in ⌈n/k⌉ {@link DualVector} passes, f(x) the value part of the first. */
    @Override
    public ValueAndGradient valueAndGradient(ScalarFunction f, double[] x) {
        double[] value = new double[1];
        double[] gradient = gradient(f, x, value);
        return new ValueAndGradient(value[0], gradient);
    }

    /** The Jacobian, m × n, column chunks of k in ⌈n/k⌉ {@link DualVector} passes. */
    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
        return jacobian(f, x, null);
    }

    /** (f(x), J) in ⌈n/k⌉ {@link DualVector} passes, f(x) the value parts of the first. */
    @Override
    public ValueAndJacobian valueAndJacobian(VectorFunction f, double[] x) {
        double[][] values = new double[1][];
        double[][] jacobian = jacobian(f, x, values);
        return new ValueAndJacobian(values[0], jacobian);
    }

    /** The gradient; if {@code value} is not null, f(x) from the first pass goes to value[0]. */
    private double[] gradient(ScalarFunction f, double[] x, double[] value) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        int n = Checks.point(point);
        double[] gradient = new double[n];
        DualVector[] constants = null;
        for (int start = 0; start < n; start += chunkSize) {
            int k = Math.min(chunkSize, n - start);
            constants = constants(point, k, constants);
            int pass = Pass.next();
            DualVector y = Pass.value(f, seed(point, start, k, constants, pass), DualVector.class, pass);
            tangentCount(y, k, 0);
            if (start == 0 && value != null) {
                value[0] = y.getReal();
            }
            for (int j = 0; j < k; j++) {
                gradient[start + j] = y.getTangent(j);
            }
        }
        return gradient;
    }

    /** The Jacobian; if {@code values} is not null, f(x) from the first pass goes to values[0]. */
    private double[][] jacobian(VectorFunction f, double[] x, double[][] values) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        int n = Checks.point(point);
        double[][] jacobian = null;
        int m = -1;
        DualVector[] constants = null;
        for (int start = 0; start < n; start += chunkSize) {
            int k = Math.min(chunkSize, n - start);
            constants = constants(point, k, constants);
            int pass = Pass.next();
            Object[] y = Pass.values(f, seed(point, start, k, constants, pass), DualVector.class, pass, m);
            m = y.length;
            if (jacobian == null) {
                jacobian = new double[m][n];
                if (values != null) {
                    values[0] = new double[m];
                    for (int i = 0; i < m; i++) {
                        values[0][i] = ((DualVector) y[i]).getReal();
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                DualVector yi = (DualVector) y[i];
                tangentCount(yi, k, i);
                for (int j = 0; j < k; j++) {
                    jacobian[i][start + j] = yi.getTangent(j);
                }
            }
        }
        return jacobian;
    }

    /** J·v in one {@link Dual} pass, each input x<sub>j</sub> carrying the tangent v<sub>j</sub>. */
    @Override
    public double[] jvp(VectorFunction f, double[] x, double[] v) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        int n = Checks.point(point);
        Checks.length("direction v (one per input)", v, n);
        int pass = Pass.next();
        Dual[] in = new Dual[n];
        for (int j = 0; j < n; j++) {
            in[j] = Dual.seeded(point[j], v[j], pass);
        }
        Object[] y = Pass.values(f, in, Dual.class, pass, -1);
        int m = y.length;
        double[] jv = new double[m];
        for (int i = 0; i < m; i++) {
            jv[i] = ((Dual) y[i]).getTangent();
        }
        return jv;
    }

    /**
     * ∇f(x)·v, the derivative of a scalar f at x along v, in one {@link Dual} pass (each input
     * x<sub>j</sub> carrying the tangent v<sub>j</sub>): {@link #jvp} for m = 1, without the
     * output array.
     *
     * <p>Cost: n {@link Dual} inputs (32 bytes each) and one evaluation of f on duals, which
     * costs at least what the same generic code costs on {@code Decimal64} (measured ratios to
     * plain {@code double}: {@code benchmarks/README.md}; where the time goes:
     * {@code benchmarks/JOURNAL.md}, "Forward mode").
     *
     * @param f a function R<sup>n</sup> → R
     * @param x the point (read, not kept)
     * @param v the direction, one component per input
     * @return the directional derivative ∇f(x)·v
     * @throws IllegalArgumentException if an argument is null, x is empty, v's length differs
     *     from x's, or f returns {@code null}
     */
    public double directionalDerivative(ScalarFunction f, double[] x, double[] v) {
        Checks.notNull("function f", f);
        int n = Checks.point(x);
        Checks.length("direction v (one per input)", v, n);
        int pass = Pass.next();
        Dual[] in = new Dual[n];
        for (int j = 0; j < n; j++) {
            in[j] = Dual.seeded(x[j], v[j], pass);
        }
        return Pass.value(f, in, Dual.class, pass).getTangent();
    }

    /** wᵀ·J through {@link #jacobian} (n tangents in ⌈n/k⌉ passes). */
    @Override
    public double[] vjp(VectorFunction f, double[] x, double[] w) {
        Checks.notNull("weights w (one per output)", w);
        double[][] jacobian = jacobian(f, x);
        Checks.length("weights w (one per output)", w, jacobian.length);
        int n = jacobian[0].length;
        double[] wj = new double[n];
        for (int i = 0; i < jacobian.length; i++) {
            for (int j = 0; j < n; j++) {
                wj[j] += w[i] * jacobian[i][j];
            }
        }
        return wj;
    }

    /** ∇²f(x) in n(n+1)/2 {@link HyperDual} passes; symmetric by construction. */
    @Override
    public double[][] hessian(ScalarFunction f, double[] x) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        int n = Checks.point(point);
        double[][] hessian = new double[n][n];
        HyperDual[] constants = new HyperDual[n];
        for (int i = 0; i < n; i++) {
            constants[i] = HyperDual.constant(point[i]);
        }
        for (int j = 0; j < n; j++) {
            for (int l = j; l < n; l++) {
                // a fresh copy each pass: user code may write into its argument array
                HyperDual[] in = constants.clone();
                int pass = Pass.next();
                if (j == l) {
                    in[j] = HyperDual.seeded(point[j], 1, 1, pass);
                } else {
                    in[j] = HyperDual.seeded(point[j], 1, 0, pass);
                    in[l] = HyperDual.seeded(point[l], 0, 1, pass);
                }
                double h = Pass.value(f, in, HyperDual.class, pass).getEps12();
                hessian[j][l] = h;
                hessian[l][j] = h;
            }
        }
        return hessian;
    }

    /**
     * H·v in n {@link HyperDual} passes: pass i seeds every input x<sub>k</sub> with ε2-part
     * v<sub>k</sub> and x<sub>i</sub> also with ε1-part 1, so the ε1ε2 part of f is
     * Σ<sub>k</sub> ∂²f/∂x<sub>i</sub>∂x<sub>k</sub>·v<sub>k</sub> = (H·v)<sub>i</sub>.
     */
    @Override
    public double[] hvp(ScalarFunction f, double[] x, double[] v) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        int n = Checks.point(point);
        Checks.length("direction v (one per input)", v, n);
        double[] direction = v.clone();
        HyperDual[] along = new HyperDual[n];
        for (int k = 0; k < n; k++) {
            along[k] = HyperDual.of(point[k], 0, direction[k], 0);
        }
        double[] hv = new double[n];
        for (int i = 0; i < n; i++) {
            // a fresh copy each pass: user code may write into its argument array
            HyperDual[] in = along.clone();
            in[i] = HyperDual.of(point[i], 1, direction[i], 0);
            hv[i] = Checks.output(f.value(in)).getEps12();
        }
        return hv;
    }

    /**
     * @param f a function R → R
     * @param x the point
     * @return f′(x), from one {@link Dual} pass
     * @throws IllegalArgumentException if {@code f} is {@code null} or returns {@code null}
     */
    public double derivative(UnivariateScalarFunction f, double x) {
        Checks.notNull("function f", f);
        int pass = Pass.next();
        return Pass.value(f, Dual.seeded(x, 1, pass), Dual.class, pass).getTangent();
    }

    /**
     * @param f a function R → R
     * @param x the point
     * @return f″(x), from one {@link HyperDual} pass (x + ε1 + ε2, read the ε1ε2 part)
     * @throws IllegalArgumentException if {@code f} is {@code null} or returns {@code null}
     */
    public double secondDerivative(UnivariateScalarFunction f, double x) {
        Checks.notNull("function f", f);
        int pass = Pass.next();
        return Pass.value(f, HyperDual.seeded(x, 1, 1, pass), HyperDual.class, pass).getEps12();
    }

    /**
     * @return the inputs as constants with k tangents: {@code previous} if it has k already (the
     *     constants of every full chunk are the same immutable numbers), else new ones
     */
    private static DualVector[] constants(double[] x, int k, DualVector[] previous) {
        if (previous != null && previous[0].getTangentCount() == k) {
            return previous;
        }
        DualVectorField.of(k);
        DualVector[] constants = new DualVector[x.length];
        for (int j = 0; j < x.length; j++) {
            constants[j] = DualVector.constantUnchecked(x[j], k);
        }
        return constants;
    }

    /**
     * Inputs for the chunk [start, start + k): unit tangents there, constants elsewhere — a fresh
     * copy of {@code constants}, since user code may write into its argument array.
     */
    private static DualVector[] seed(double[] x, int start, int k, DualVector[] constants, int pass) {
        DualVector[] in = constants.clone();
        for (int index = 0; index < k; index++) {
            in[start + index] = DualVector.seeded(x[start + index], index, k, pass);
        }
        return in;
    }

    private static void tangentCount(DualVector y, int k, int output) {
        if (y.getTangentCount() != k) {
            throw new IllegalArgumentException("output " + output + " has " + y.getTangentCount()
                    + " tangents, but the pass seeded k = " + k + " (a number from another pass?)");
        }
    }

    @Override
    public String toString() {
        return "ForwardMode[chunkSize=" + chunkSize + "]";
    }
}
