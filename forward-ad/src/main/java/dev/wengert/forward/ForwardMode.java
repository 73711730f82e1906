package dev.wengert.forward;

import dev.wengert.core.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
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
 * The default {@value #DEFAULT_CHUNK_SIZE} was chosen by the JMH sweeps
 * {@code DualVectorGradientBenchmark} and {@code GmmForwardGradientBenchmark} (26 Nov 2026, 2
 * shared cores at load 4–7, medians of 5 one-second iterations in one fork):
 * <table>
 *   <caption>gradient time by chunk size k</caption>
 *   <tr><th>k</th><th>8</th><th>16</th><th>32</th><th>64</th><th>100</th><th>330</th></tr>
 *   <tr><td>extended Rosenbrock, n = 100 (µs)</td><td></td><td>7.7</td><td>7.6</td><td>6.5</td>
 *       <td>8.7</td><td></td></tr>
 *   <tr><td>the same, thread CPU time (µs)</td><td></td><td>7.5</td><td>6.8</td><td>6.7</td>
 *       <td>7.4</td><td></td></tr>
 *   <tr><td>ADBench GMM, 330 parameters, 100 points (ms)</td><td>26.1</td><td>23.9</td><td>28.6</td>
 *       <td>23.9</td><td></td><td>38.3</td></tr>
 * </table>
 * Before the ranges were tracked (every operation touching all k tangents) the Rosenbrock sweep
 * gave 24, 27, 24 and 121 µs for k = 16, 32, 64 and 100 (CPU time at k = 64: 23 µs), and the
 * default was 16. Partially separable functions now favour large chunks, up to the point where
 * the running sum, whose range grows to the whole chunk, costs more than a pass; the dense GMM
 * objective is flat from 8 to 64 and slower at 330 (every intermediate then carries 330
 * tangents); 64 is near the best for both. (The GMM row was measured before one more 20–35 %
 * saving on every operation, which does not depend on k.)
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
            for (int j = 0; j < k; j++) {
                gradient[start + j] = y.getTangent(j);
            }
        }
        return gradient;
    }

    /** The Jacobian, m × n, column chunks of k in ⌈n/k⌉ {@link DualVector} passes. */
    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
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
     * <p>Cost: n {@link Dual} inputs (32 bytes each) and one evaluation of f on duals. For
     * extended Rosenbrock at n = 1000 that is 10–11× the plain {@code double} function (10× by
     * thread CPU time, 11.1× in the JMH run of benchmarks/README.md): 4.5× building the inputs
     * and 4.9× evaluating (CPU time), of which 3.8× is what the same generic code costs
     * on {@code Decimal64} (the running sum, an object carried from one loop iteration to the
     * next, is allocated in every iteration) — see {@code benchmarks/README.md}, "Forward mode".
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
