package dev.wengert.core;

/**
 * A way to compute derivatives of functions written once against {@code RealFieldElement}.
 *
 * <p>Implementations: {@code dev.wengert.forward.ForwardMode}, {@code dev.wengert.reverse.ReverseMode},
 * {@code dev.wengert.mixed.MixedMode} and {@link FiniteDifferences}, each registered for
 * {@link java.util.ServiceLoader} (see {@link Differentiators#available()}). Implementations are
 * thread-safe: one instance may serve many threads at once, each call working on state of its own.
 * An instance may keep internal buffers it reuses between calls (reverse mode keeps a tape-size
 * hint and spare arrays), never anything a result depends on.
 *
 * <p>For f: R<sup>n</sup> → R<sup>m</sup> with Jacobian J (m × n) at x:
 * <ul>
 *   <li>{@code gradient(f, x)} = ∇f(x), length n (m = 1);</li>
 *   <li>{@code jacobian(f, x)} = J, as m rows of n columns;</li>
 *   <li>{@code hessian(f, x)} = ∇²f(x), n × n, symmetric;</li>
 *   <li>{@code jvp(f, x, v)} = J·v, length m (v has length n);</li>
 *   <li>{@code vjp(f, x, w)} = wᵀ·J, length n (w has length m).</li>
 * </ul>
 *
 * <p>Bad input — a {@code null} function or point, an empty point, a direction of the wrong length,
 * a function that returns {@code null} or outputs of varying length — throws
 * {@link IllegalArgumentException} naming what was expected and what came.
 */
public interface Differentiator {

    /** @return the mode's name: "forward", "reverse", "mixed" or "finite-differences" */
    String name();

    /**
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return ∇f(x), length n
     */
    double[] gradient(ScalarFunction f, double[] x);

    /**
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return the Jacobian J<sub>ij</sub> = ∂f<sub>i</sub>/∂x<sub>j</sub>: m rows of n columns
     */
    double[][] jacobian(VectorFunction f, double[] x);

    /**
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return the Hessian H<sub>jk</sub> = ∂²f/∂x<sub>j</sub>∂x<sub>k</sub>, n × n
     */
    double[][] hessian(ScalarFunction f, double[] x);

    /**
     * Jacobian-vector product.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @param v the direction (length n)
     * @return J·v, length m
     */
    double[] jvp(VectorFunction f, double[] x, double[] v);

    /**
     * Vector-Jacobian product.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @param w the output weights (length m)
     * @return wᵀ·J, length n
     */
    double[] vjp(VectorFunction f, double[] x, double[] w);
}
