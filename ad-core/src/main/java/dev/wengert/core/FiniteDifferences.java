package dev.wengert.core;

import dev.wengert.core.internal.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.UnivariateVectorFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * The reference every mode is checked against: derivatives by polynomial interpolation of
 * samples (commons-math3 {@link FiniteDifferencesDifferentiator}), with no AD at all.
 *
 * <p>Along a direction d, the function is sampled at g(t) = f(x + t·d) on {@code points} equally
 * spaced t (default 9, so the interpolant has degree 8), centred on t = 0 with step
 * h = {@code relativeStep} · max(1, |x<sub>j</sub>|) — the step scales with the magnitude of the
 * coordinate. Near a declared bound the stencil shifts to stay inside it (one-sided differences),
 * so f is never evaluated outside [lower, upper].
 *
 * <p><b>The step is chosen from the function</b> (the default instance, for first derivatives):
 * the derivative D(h) is compared with D(h/2), D(h/4), … (a halved stencil shares 5 of its 9 samples
 * with the one before, so each halving costs 4 evaluations), and the halving goes on while the
 * difference between successive estimates shrinks — truncation error falls as h⁸ while rounding
 * error grows as 1/h, so the difference falls until rounding dominates — at most
 * {@value #MAX_HALVINGS} times, or until two estimates agree to {@value #AGREEMENT} relative. The
 * finer estimate of the closest pair is returned. A function that varies on a scale below 1 (where
 * 0.01·max(1, |x|) is too coarse) thus gets a smaller step, and a smooth well-scaled one costs 13
 * evaluations per direction instead of 9. An instance made with an explicit step
 * ({@link #FiniteDifferences(int, double, double)}) uses that step as given. Second derivatives use
 * {@code secondStep} as given.
 *
 * <ul>
 *   <li>gradient and Jacobian: one stencil per input, d = e<sub>j</sub> (n·points evaluations);</li>
 *   <li>jvp: one stencil along d = v;</li>
 *   <li>vjp: wᵀ·J through the full Jacobian (n stencils);</li>
 *   <li>Hessian: the second derivative along e<sub>j</sub> gives H<sub>jj</sub>; along
 *       e<sub>j</sub> + e<sub>k</sub> it gives H<sub>jj</sub> + 2H<sub>jk</sub> + H<sub>kk</sub>,
 *       hence H<sub>jk</sub>; n(n+1)/2 stencils with the larger step {@code secondStep}, symmetric
 *       by construction.</li>
 * </ul>
 *
 * <p>Accuracy on smooth functions: first derivatives to about 1e-9 relative (checked on the
 * Moré–Garbow–Hillstrom problems), Hessians to about 1e-6. The point must be finite. Finite
 * differences cannot be trusted where f is not smooth across the stencil — a kink, jump, pole or
 * domain edge within 4h of x — nor where f is noisy or computed with less than full precision.
 * Immutable and thread-safe.
 */
public final class FiniteDifferences implements Differentiator {

    /** Default number of sample points per stencil. */
    public static final int DEFAULT_POINTS = 9;
    /** Default step for first derivatives, relative to max(1, |x|). */
    public static final double DEFAULT_STEP = 0.01;
    /** Default step for second derivatives, relative to max(1, |x|). */
    public static final double DEFAULT_SECOND_STEP = 0.05;
    /** The most times the default instance halves the first-derivative step. */
    static final int MAX_HALVINGS = 8;
    /** Two successive estimates this close (relative) end the halving. */
    static final double AGREEMENT = 1e-11;

    private final int points;
    private final double step;
    private final double secondStep;
    private final double[] lower;
    private final double[] upper;
    private final boolean adaptive;

    /**
     * Finite differences with 9 points and the default steps, no bounds; the first-derivative
     * step starts at 0.01·max(1, |x<sub>j</sub>|) and is halved while that makes the estimate settle.
     */
    public FiniteDifferences() {
        this(DEFAULT_POINTS, DEFAULT_STEP, DEFAULT_SECOND_STEP, null, null, true);
    }

    /**
     * @param points samples per stencil, 3 to 15
     * @param step step for first derivatives, relative to max(1, |x|), &gt; 0
     * @param secondStep step for second derivatives, relative to max(1, |x|), &gt; 0
     */
    public FiniteDifferences(int points, double step, double secondStep) {
        this(points, step, secondStep, null, null, false);
    }

    private FiniteDifferences(int points, double step, double secondStep, double[] lower, double[] upper,
                              boolean adaptive) {
        if (points < 3 || points > 15) {
            throw new IllegalArgumentException("points must be between 3 and 15, but is " + points);
        }
        if (!(step > 0) || !(secondStep > 0) || Double.isInfinite(step) || Double.isInfinite(secondStep)) {
            throw new IllegalArgumentException("steps must be finite and > 0, but are " + step + " and " + secondStep);
        }
        this.points = points;
        this.step = step;
        this.secondStep = secondStep;
        this.lower = lower;
        this.upper = upper;
        this.adaptive = adaptive;
    }

    /**
     * Declares bounds on the inputs: f is never sampled outside [lower<sub>j</sub>,
     * upper<sub>j</sub>] (use ±∞ for an unbounded side). Near a bound the stencil becomes one-sided.
     *
     * @param lower lower bounds, one per input
     * @param upper upper bounds, one per input
     * @return a differentiator with those bounds
     */
    public FiniteDifferences withBounds(double[] lower, double[] upper) {
        Checks.notNull("lower bounds", lower);
        Checks.length("upper bounds (one per input, as the lower bounds)", upper, lower.length);
        for (int j = 0; j < lower.length; j++) {
            if (!(lower[j] < upper[j])) {
                throw new IllegalArgumentException("bound " + j + ": lower (" + lower[j]
                        + ") must be < upper (" + upper[j] + ")");
            }
        }
        return new FiniteDifferences(points, step, secondStep, lower.clone(), upper.clone(), adaptive);
    }

    @Override
    public String name() {
        return "finite-differences";
    }

    @Override
    public double[] gradient(ScalarFunction f, double[] x) {
        Checks.notNull("function f", f);
        double[] g = jacobian(asVector(f), x)[0];
        return g;
    }

    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
        Checks.notNull("function f", f);
        int n = checkPoint(x);
        int m = evaluate(f, x, -1).length;
        double[][] jac = new double[m][n];
        for (int j = 0; j < n; j++) {
            double[] column = first(f, x, unit(n, j), m, step * scale(x[j]), j);
            for (int i = 0; i < m; i++) {
                jac[i][j] = column[i];
            }
        }
        return jac;
    }

    @Override
    public double[][] hessian(ScalarFunction f, double[] x) {
        Checks.notNull("function f", f);
        int n = checkPoint(x);
        VectorFunction g = asVector(f);
        evaluate(g, x, 1);
        double[] diagonal = new double[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = directional(g, x, unit(n, j), 1, 2, secondStep * scale(x[j]), j, null)[1][0];
        }
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            h[j][j] = diagonal[j];
            for (int k = j + 1; k < n; k++) {
                double[] d = unit(n, j);
                d[k] = 1;
                double h2 = secondStep * Math.max(scale(x[j]), scale(x[k]));
                double along = directional(g, x, d, 1, 2, h2, -1, null)[1][0];
                h[j][k] = h[k][j] = 0.5 * (along - diagonal[j] - diagonal[k]);
            }
        }
        return h;
    }

    @Override
    public double[] jvp(VectorFunction f, double[] x, double[] v) {
        Checks.notNull("function f", f);
        int n = checkPoint(x);
        Checks.length("direction v (one entry per input)", v, n);
        int m = evaluate(f, x, -1).length;
        double norm = 0;
        double size = 0;
        for (int j = 0; j < n; j++) {
            norm = Math.max(norm, Math.abs(v[j]));
            size = Math.max(size, scale(x[j]));
        }
        if (norm == 0) {
            return new double[m];
        }
        double[] unitV = new double[n];
        for (int j = 0; j < n; j++) {
            unitV[j] = v[j] / norm;
        }
        double[] d = first(f, x, unitV, m, step * size, -1);
        for (int i = 0; i < m; i++) {
            d[i] *= norm;
        }
        return d;
    }

    @Override
    public double[] vjp(VectorFunction f, double[] x, double[] w) {
        Checks.notNull("function f", f);
        checkPoint(x);
        double[][] jac = jacobian(f, x);
        Checks.length("weights w (one entry per output)", w, jac.length);
        double[] r = new double[x.length];
        for (int i = 0; i < jac.length; i++) {
            for (int j = 0; j < r.length; j++) {
                r[j] += w[i] * jac[i][j];
            }
        }
        return r;
    }

    /**
     * The first derivative of t ↦ f(x + t·d) at t = 0: by the stencil of step h, or, for the
     * default instance, by successive halvings of h (see the class comment), the samples shared
     * between stencils evaluated once.
     */
    private double[] first(VectorFunction f, double[] x, double[] d, int m, double h, int coordinate) {
        if (!adaptive) {
            return directional(f, x, d, m, 1, h, coordinate, null)[0];
        }
        Map<Double, double[]> samples = new HashMap<>();
        double[] coarse = directional(f, x, d, m, 1, h, coordinate, samples)[0];
        double[] best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= MAX_HALVINGS; k++) {
            h *= 0.5;
            double[] fine = directional(f, x, d, m, 1, h, coordinate, samples)[0];
            double gap = gap(coarse, fine);
            if (!(gap < bestGap)) {
                break;   // no longer settling (rounding dominates), or not finite
            }
            best = fine;
            bestGap = gap;
            if (gap <= AGREEMENT) {
                break;
            }
            coarse = fine;
        }
        return best != null ? best : coarse;
    }

    /**
     * @return max over i of |a<sub>i</sub> − b<sub>i</sub>| / max(|a<sub>i</sub>|, |b<sub>i</sub>|,
     *         1e-6·max<sub>k</sub> |b<sub>k</sub>|) — relative per entry, except that an entry below a
     *         millionth of the largest (a derivative that is 0 up to rounding) is measured against
     *         that millionth; 0 for equal estimates, NaN if an entry is not finite
     */
    private static double gap(double[] a, double[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                return Double.NaN;
            }
            largest = Math.max(largest, Math.abs(b[i]));
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                double size = Math.max(Math.max(Math.abs(a[i]), Math.abs(b[i])), 1e-6 * largest);
                worst = Math.max(worst, Math.abs(a[i] - b[i]) / size);
            }
        }
        return worst;
    }

    /**
     * Derivatives of order 1..order of t ↦ f(x + t·d) at t = 0.
     *
     * @param coordinate the input whose bounds limit the stencil, or -1 to use all bounds along d
     * @param samples f(x + t·d) by t, shared between stencils along one direction; null for none
     * @return result[k-1][i] = d^k f_i/dt^k
     */
    private double[][] directional(VectorFunction f, double[] x, double[] d, int m, int order,
                                   double h, int coordinate, Map<Double, double[]> samples) {
        double tLower = Double.NEGATIVE_INFINITY;
        double tUpper = Double.POSITIVE_INFINITY;
        if (lower != null) {
            for (int j = 0; j < x.length; j++) {
                if (d[j] != 0 && (coordinate < 0 || coordinate == j)) {
                    double a = (lower[j] - x[j]) / d[j];
                    double b = (upper[j] - x[j]) / d[j];
                    tLower = Math.max(tLower, Math.min(a, b));
                    tUpper = Math.min(tUpper, Math.max(a, b));
                }
            }
        }
        FiniteDifferencesDifferentiator fdd;
        if (Double.isInfinite(tLower) && Double.isInfinite(tUpper)) {
            fdd = new FiniteDifferencesDifferentiator(points, h);
        } else {
            double span = tUpper - tLower;
            if (!(tLower <= 0 && tUpper >= 0)) {
                throw new IllegalArgumentException("point " + Arrays.toString(x)
                        + " lies outside the declared bounds");
            }
            double usable = Math.min(h, 0.999 * span / (points - 1));
            fdd = new FiniteDifferencesDifferentiator(points, usable, tLower, tUpper);
        }
        UnivariateVectorFunction g = t -> {
            double[] known = samples == null ? null : samples.get(t);
            if (known != null) {
                return known.clone();
            }
            double[] p = new double[x.length];
            for (int j = 0; j < p.length; j++) {
                p[j] = x[j] + t * d[j];
            }
            double[] y = evaluate(f, p, m);
            if (samples != null) {
                samples.put(t, y.clone());
            }
            return y;
        };
        DerivativeStructure t0 = new DerivativeStructure(1, order, 0, 0.0);
        DerivativeStructure[] y = fdd.differentiate(g).value(t0);
        double[][] result = new double[order][m];
        for (int k = 1; k <= order; k++) {
            for (int i = 0; i < m; i++) {
                result[k - 1][i] = y[i].getPartialDerivative(k);
            }
        }
        return result;
    }

    private int checkPoint(double[] x) {
        int n = Checks.point(x);
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(x[j])) {
                throw new IllegalArgumentException("finite differences need a finite point, but x[" + j + "] = "
                        + x[j] + " (no stencil of samples surrounds it)");
            }
        }
        if (lower != null && lower.length != n) {
            throw new IllegalArgumentException("point x must have " + lower.length
                    + " inputs (as the declared bounds), but has " + n);
        }
        return n;
    }

    private static double[] evaluate(VectorFunction f, double[] x, int expectedOutputs) {
        Decimal64[] args = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            args[j] = new Decimal64(x[j]);
        }
        Decimal64[] y = f.value(args);
        int m = Checks.outputs(y, expectedOutputs);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = y[i].getReal();
        }
        return r;
    }

    private static double scale(double xj) {
        return Math.max(1.0, FastMath.abs(xj));
    }

    private static double[] unit(int n, int j) {
        double[] e = new double[n];
        e[j] = 1;
        return e;
    }

    /**
     * @param f a scalar function
     * @return f as a vector function with one output
     */
    static VectorFunction asVector(ScalarFunction f) {
        return new VectorFunction() {
            @Override
            public <T extends org.apache.commons.math3.RealFieldElement<T>> T[] value(T[] x) {
                T y = Checks.output(f.value(x));
                T[] r = MathArrays.buildArray(y.getField(), 1);
                r[0] = y;
                return r;
            }
        };
    }

    /**
     * @return the settings, e.g. {@code "FiniteDifferences[points=9, step=0.01, secondStep=0.05]"},
     *         with {@code ", bounds=[lower, upper]"} when bounds were declared
     */
    @Override
    public String toString() {
        String s = "FiniteDifferences[points=" + points + ", step=" + step + ", secondStep=" + secondStep;
        if (lower != null) {
            s += ", bounds=[" + Arrays.toString(lower) + ", " + Arrays.toString(upper) + "]";
        }
        return s + "]";
    }
}
