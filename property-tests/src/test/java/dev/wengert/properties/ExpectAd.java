package dev.wengert.properties;

import static dev.wengert.properties.Close.close;
import static dev.wengert.properties.Close.identical;
import static dev.wengert.properties.Close.maxAbs;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.Differentiator;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * {@code expectAd(f, x)}: runs f in every mode and checks them against each other, against
 * commons-math3's {@code DerivativeStructure} and against finite differences (after Stan's
 * {@code expect_ad}):
 * <ul>
 *   <li>f must throw in a mode exactly when it throws on {@code double} ({@code Decimal64}), with
 *       the same exception class;</li>
 *   <li>values from {@code Dual}, {@code DualVector}, {@code HyperDual}, {@code Var} and
 *       MixedMode's linearized graph are bit-identical to {@code double} evaluation;</li>
 *   <li>Jacobians from every Wengert mode (mixed mode's plan and its sparse Jacobian included)
 *       agree with the {@code Dual} one, and with
 *       {@code DerivativeStructure}'s, to {@value #TOL} by the rule of {@link Close}, with the
 *       floor tolMin = {@value #TOL}·max(1, ‖J‖<sub>max</sub>, S) where S bounds the
 *       absolute-value Jacobian (every chain-rule term taken with |partial|): modes sum the same
 *       chain-rule terms in different orders, and a sum's rounding is bounded by a few ulps of
 *       the sum of its terms' magnitudes, not of its result;</li>
 *   <li>the Jacobian agrees with finite differences ({@code FiniteDifferences(9, h, h2)} at
 *       h = {@value #STEP}) to {@value #FD_TOL}, floor {@value #FD_TOL}·max(1, ‖J‖<sub>max</sub>),
 *       except where the differences at h and h/2 disagree beyond a tenth of that (the sample is
 *       then noise and skipped, counted in the {@link Tally});</li>
 *   <li>the Hessian of s = Σ f<sub>i</sub>/(i + 1) from {@code HyperDual}
 *       ({@code ForwardMode.hessian}), second-order adjoints ({@code ReverseMode.hessian}), every
 *       other exact mode and
 *       {@code DerivativeStructure} of order 2 agree to {@value #HESSIAN_TOL} (floor the same
 *       tolerance times max(1, ‖H‖<sub>max</sub>, S²)), and with finite differences of the
 *       reverse-mode gradient to {@value #FD_TOL} with the same noise filter.</li>
 * </ul>
 * Non-finite results: NaN pairs with NaN, ±∞ with the same infinity, in every comparison.
 */
final class ExpectAd {

    /** Relative tolerance between exact modes, first derivatives. */
    static final double TOL = 1e-12;
    /** Relative tolerance between exact modes, Hessians. */
    static final double HESSIAN_TOL = 1e-12;
    /** Relative tolerance against finite differences. */
    static final double FD_TOL = 1e-7;
    /** Finite-difference step for first derivatives, relative to max(1, |x|). */
    static final double STEP = 0.01;

    private static final FiniteDifferences FD = new FiniteDifferences(9, STEP, 5 * STEP);
    private static final FiniteDifferences FD_HALF = new FiniteDifferences(9, STEP / 2, 5 * STEP / 2);

    private ExpectAd() {
    }

    /** Finite-difference samples compared and skipped as noise, over a whole property. */
    static final class Tally {
        long compared;
        long skipped;

        /** @throws AssertionError if more than 5% of the samples were skipped */
        void assertFewSkipped() {
            long all = compared + skipped;
            if (all > 0 && skipped * 20 > all) {
                throw new AssertionError(String.format(Locale.ROOT,
                        "finite differences were noise (h and h/2 disagree) at %d of %d samples, more than 5%%",
                        skipped, all));
            }
        }

        @Override
        public String toString() {
            return compared + " finite-difference samples compared, " + skipped + " skipped as noise";
        }
    }

    /**
     * expectAd on one function and point, with its own tally (so a single call fails if more than
     * 5% of its finite-difference samples are noise; to test many points of one function, share a
     * {@link Tally} with {@link #expectAd(VectorFunction, double[], Tally)}).
     *
     * @param f the function
     * @param x the point
     */
    static void expectAd(VectorFunction f, double[] x) {
        Tally tally = new Tally();
        expectAd(f, x, 0, true, tally);
        tally.assertFewSkipped();
    }

    /**
     * @param f the function
     * @param x the point
     * @param tally where finite-difference samples are counted; check it with
     *        {@link Tally#assertFewSkipped()} after the last call
     */
    static void expectAd(VectorFunction f, double[] x, Tally tally) {
        expectAd(f, x, 0, true, tally);
    }

    /**
     * @param f the function
     * @param x the point
     * @param sensitivity a bound S on the absolute-value Jacobian (0 if unknown)
     * @param withDerivativeStructure whether to compare with DerivativeStructure (false where the
     *        conventions table says Wengert deliberately differs from it)
     * @param tally where finite-difference samples are counted
     */
    static void expectAd(VectorFunction f, double[] x, double sensitivity, boolean withDerivativeStructure,
            Tally tally) {
        ScalarFunction s = scalarization(f);
        Outcome<double[]> plain = Outcome.of("double", () -> Modes.values(f, x));
        List<Outcome<double[][]>> jacobians = new ArrayList<>();
        jacobians.add(Outcome.of("Dual", () -> Modes.dualJacobian(f, x, plain)));
        jacobians.add(Outcome.of("DualVector", () -> Modes.dualVectorJacobian(f, x, plain)));
        jacobians.add(Outcome.of("HyperDual", () -> Modes.hyperDualJacobian(f, x, plain)));
        jacobians.add(Outcome.of("Var", () -> Modes.varJacobian(f, x, plain)));
        jacobians.add(Outcome.of("MixedMode plan", () -> Modes.mixedJacobian(f, x, plain)));
        jacobians.add(Outcome.of("MixedMode sparse", () -> Modes.sparseJacobian(f, x)));
        for (Modes.Named mode : Modes.exact()) {
            jacobians.add(Outcome.of(mode.name, () -> mode.differentiator.jacobian(f, x)));
        }
        if (withDerivativeStructure) {
            jacobians.add(Outcome.of("DerivativeStructure",
                    () -> new DerivativeStructureDifferentiator().jacobian(f, x)));
        }
        List<Outcome<double[][]>> hessians = new ArrayList<>();
        hessians.add(Outcome.of("HyperDual Hessian", () -> new ForwardMode().hessian(s, x)));
        for (Modes.Named mode : Modes.exact()) {
            hessians.add(Outcome.of(mode.name + " Hessian", () -> mode.differentiator.hessian(s, x)));
            jacobians.add(Outcome.of(mode.name + " jvp", () -> columnsByJvp(mode.differentiator, f, x)));
            jacobians.add(Outcome.of(mode.name + " vjp", () -> rowsByVjp(mode.differentiator, f, x)));
            jacobians.add(Outcome.of(mode.name + " valueAndJacobian",
                    () -> valueAndJacobian(mode.name, mode.differentiator, f, x, plain)));
            hessians.add(Outcome.of(mode.name + " hvp", () -> columnsByHvp(mode.differentiator, s, x)));
        }
        if (withDerivativeStructure) {
            hessians.add(Outcome.of("DerivativeStructure Hessian",
                    () -> new DerivativeStructureDifferentiator().hessian(s, x)));
        }

        List<Outcome<?>> all = new ArrayList<>(jacobians);
        all.addAll(hessians);
        for (Outcome<?> o : all) {
            o.assertThrowsLike(plain);
        }
        if (plain.error != null) {
            return;
        }
        double[][] reference = jacobians.get(0).result;
        double floor = TOL * Math.max(1, Math.max(maxAbs(reference), sensitivity));
        for (Outcome<double[][]> o : jacobians) {
            agree(jacobians.get(0).name, reference, o.name, o.result, TOL, floor);
        }
        double[][] h = hessians.get(0).result;
        double hFloor = HESSIAN_TOL * Math.max(1, Math.max(maxAbs(h), sensitivity * sensitivity));
        for (Outcome<double[][]> o : hessians) {
            agree(hessians.get(0).name, h, o.name, o.result, HESSIAN_TOL, hFloor);
        }
        if (allFinite(reference) && allFinite(h)) {
            againstFiniteDifferences("Jacobian", reference, f, x, tally);
            againstFiniteDifferences("Hessian", h, gradientOf(s), x, tally);
        }
    }

    static void againstFiniteDifferences(String what, double[][] exact, VectorFunction f, double[] x,
            Tally tally) {
        double[][] fd = FD.jacobian(f, x);
        double[][] fdHalf = FD_HALF.jacobian(f, x);
        double floor = FD_TOL * Math.max(1, maxAbs(exact));
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < exact[i].length; j++) {
                if (!close(fd[i][j], fdHalf[i][j], FD_TOL / 10, floor / 10)) {
                    tally.skipped++;
                    continue;
                }
                tally.compared++;
                if (!close(exact[i][j], fd[i][j], FD_TOL, floor)) {
                    throw new AssertionError(String.format(Locale.ROOT,
                            "%s[%d][%d]: AD gives %s, finite differences %s (at h/2: %s); tol %g, tolMin %g",
                            what, i, j, exact[i][j], fd[i][j], fdHalf[i][j], FD_TOL, floor));
                }
            }
        }
    }

    static void agree(String expectedName, double[][] expected, String actualName, double[][] actual, double tol,
            double tolMin) {
        if (expected.length != actual.length) {
            throw new AssertionError(actualName + " has " + actual.length + " rows, " + expectedName + " "
                    + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                if (!close(expected[i][j], actual[i][j], tol, tolMin)) {
                    throw new AssertionError(String.format(Locale.ROOT,
                            "[%d][%d]: %s gives %s, %s gives %s; tol %g, tolMin %g",
                            i, j, expectedName, expected[i][j], actualName, actual[i][j], tol, tolMin));
                }
            }
        }
    }

    static void identicalValues(String name, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (!identical(expected[i], actual[i])) {
                throw new AssertionError(String.format(Locale.ROOT, "value %d: double gives %s, %s gives %s",
                        i, expected[i], name, actual[i]));
            }
        }
    }

    /** The Jacobian of valueAndJacobian, its values checked bit for bit against double evaluation. */
    private static double[][] valueAndJacobian(String name, Differentiator d, VectorFunction f, double[] x,
            Outcome<double[]> plain) {
        ValueAndJacobian vj = d.valueAndJacobian(f, x);
        if (plain.result != null) {
            identicalValues(name + " valueAndJacobian", plain.result, vj.values());
        }
        return vj.jacobian();
    }

    /** The Hessian column by column, H·e<sub>j</sub> by hvp. */
    private static double[][] columnsByHvp(Differentiator d, ScalarFunction s, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] column = d.hvp(s, x, e);
            for (int i = 0; i < n; i++) {
                h[i][j] = column[i];
            }
        }
        return h;
    }

    /** The Jacobian column by column, J·e<sub>j</sub>. */
    private static double[][] columnsByJvp(Differentiator d, VectorFunction f, double[] x) {
        double[][] jac = null;
        for (int j = 0; j < x.length; j++) {
            double[] e = new double[x.length];
            e[j] = 1;
            double[] column = d.jvp(f, x, e);
            if (jac == null) {
                jac = new double[column.length][x.length];
            }
            for (int i = 0; i < column.length; i++) {
                jac[i][j] = column[i];
            }
        }
        return jac;
    }

    /** The Jacobian row by row, e<sub>i</sub>ᵀ·J. */
    private static double[][] rowsByVjp(Differentiator d, VectorFunction f, double[] x) {
        int m = Modes.values(f, x).length;
        double[][] jac = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] e = new double[m];
            e[i] = 1;
            jac[i] = d.vjp(f, x, e);
        }
        return jac;
    }

    private static boolean allFinite(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** s = Σ f<sub>i</sub>/(i + 1): one scalar that mixes every output. */
    static ScalarFunction scalarization(VectorFunction f) {
        return new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T[] y = f.value(x);
                T s = y[0];
                for (int i = 1; i < y.length; i++) {
                    s = s.add(y[i].divide(i + 1));
                }
                return s;
            }
        };
    }

    /** x ↦ ∇s(x) by reverse mode, as a function finite differences can sample on Decimal64. */
    static VectorFunction gradientOf(ScalarFunction s) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                double[] p = new double[x.length];
                for (int j = 0; j < p.length; j++) {
                    p[j] = x[j].getReal();
                }
                double[] g = new ReverseMode().gradient(s, p);
                T[] r = MathArrays.buildArray(x[0].getField(), g.length);
                for (int j = 0; j < g.length; j++) {
                    r[j] = x[0].getField().getZero().add(g[j]);
                }
                return r;
            }
        };
    }
}
