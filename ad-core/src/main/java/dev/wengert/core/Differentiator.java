package dev.wengert.core;

import dev.wengert.core.internal.Checks;
import org.apache.commons.math3.util.Decimal64;

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
 *   <li>{@code vjp(f, x, w)} = wᵀ·J, length n (w has length m);</li>
 *   <li>{@code hvp(f, x, v)} = ∇²f(x)·v, length n (m = 1, v has length n);</li>
 *   <li>{@code valueAndGradient(f, x)} = (f(x), ∇f(x)) and {@code valueAndJacobian(f, x)} =
 *       (f(x), J) in one call.</li>
 * </ul>
 *
 * <p>The last three have default implementations built on the first five ({@code hvp} from the
 * Hessian, the values by one more evaluation of f in {@code double}); each Wengert mode overrides
 * them with a cheaper way (see the mode's class comment).
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

    /**
     * Hessian-vector product: ∇²f(x)·v, the derivative of ∇f at x along v
     * ((H·v)<sub>j</sub> = Σ<sub>k</sub> ∂²f/∂x<sub>j</sub>∂x<sub>k</sub>·v<sub>k</sub>).
     *
     * <p>The default computes the whole Hessian ({@link #hessian}) and multiplies; the Wengert
     * modes override it: reverse and mixed mode with one tangent sweep and one second-order adjoint
     * sweep over one recording of f (forward over reverse), forward mode with n hyper-dual passes.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @param v the direction (length n)
     * @return H·v, length n
     */
    default double[] hvp(ScalarFunction f, double[] x, double[] v) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        int n = Checks.point(point);
        Checks.length("direction v (one per input)", v, n);
        double[] direction = v.clone();
        double[][] h = hessian(f, point);
        double[] hv = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += h[j][k] * direction[k];
            }
            hv[j] = sum;
        }
        return hv;
    }

    /**
     * The value and the gradient at once: (f(x), ∇f(x)).
     *
     * <p>The value is f evaluated at x in {@code double} arithmetic (as commons-math3's
     * {@link Decimal64} evaluates it), bit for bit; the gradient equals {@link #gradient}'s. The
     * default evaluates f once more, on {@code Decimal64}; the Wengert modes take the value from
     * the evaluation they run for the gradient anyway (reverse and mixed mode from the recording,
     * forward mode from its first dual pass), so f is not run again.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return f(x) and ∇f(x)
     */
    default ValueAndGradient valueAndGradient(ScalarFunction f, double[] x) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        Checks.point(point);
        double[] gradient = gradient(f, point);
        return new ValueAndGradient(Checks.output(f.value(decimals(point))).getReal(), gradient);
    }

    /**
     * The values and the Jacobian at once: (f(x), J) — what a Gauss–Newton or
     * Levenberg–Marquardt step needs.
     *
     * <p>The values are f evaluated at x in {@code double} arithmetic (as commons-math3's
     * {@link Decimal64} evaluates it), bit for bit; the Jacobian equals {@link #jacobian}'s. The
     * default evaluates f once more, on {@code Decimal64}; the Wengert modes take the values from
     * the evaluation they run for the Jacobian anyway.
     *
     * @param f the function
     * @param x the point (length n ≥ 1)
     * @return f(x), length m, and J, m rows of n columns
     */
    default ValueAndJacobian valueAndJacobian(VectorFunction f, double[] x) {
        Checks.notNull("function f", f);
        double[] point = x == null ? null : x.clone();
        Checks.point(point);
        double[][] jacobian = jacobian(f, point);
        Decimal64[] y = f.value(decimals(point));
        int m = Checks.outputs(y, jacobian.length);
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = y[i].getReal();
        }
        return new ValueAndJacobian(values, jacobian);
    }

    private static Decimal64[] decimals(double[] x) {
        Decimal64[] d = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            d[j] = new Decimal64(x[j]);
        }
        return d;
    }
}
