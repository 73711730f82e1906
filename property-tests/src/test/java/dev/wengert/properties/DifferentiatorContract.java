package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Differentiator} honours, as default test methods: a mode's test
 * class implements this interface and supplies {@link #differentiator()} (and, for an
 * approximate mode, a looser {@link #tolerance()}).
 */
public interface DifferentiatorContract {

    /** @return the mode under test */
    Differentiator differentiator();

    /** @return the relative tolerance for comparisons with exact values (1e-12 for AD modes) */
    default double tolerance() {
        return 1e-12;
    }

    /** sin(x0·x1) + exp(x0)·x2 − x2³. */
    static <T extends RealFieldElement<T>> T composite(T[] x) {
        return x[0].multiply(x[1]).sin().add(x[0].exp().multiply(x[2])).subtract(x[2].pow(3));
    }

    /** (x0·x1, sinh(x1) + x2², atan2(x0, x2), hypot(x0, x1)·x2). */
    static <T extends RealFieldElement<T>> T[] vector(T[] x) {
        T[] y = MathArrays.buildArray(x[0].getField(), 4);
        y[0] = x[0].multiply(x[1]);
        y[1] = x[1].sinh().add(Functions.square(x[2]));
        y[2] = x[0].atan2(x[2]);
        y[3] = x[0].hypot(x[1]).multiply(x[2]);
        return y;
    }

    /** a = x; b = a + a; c = b + b: dc/da = 4. */
    static <T extends RealFieldElement<T>> T reused(T[] x) {
        T a = x[0];
        T b = a.add(a);
        return b.add(b);
    }

    private void assertClose(double expected, double actual, String what) {
        double tol = tolerance() * Math.max(1, Math.abs(expected) + Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= tol,
                differentiator().name() + ": " + what + ": expected " + expected + " but was " + actual);
    }

    @Test
    default void hasANameAndIsFoundByServiceLoader() {
        String name = differentiator().name();
        assertTrue(name != null && !name.isEmpty());
        assertEquals(differentiator().getClass(), Differentiators.named(name).getClass());
    }

    @Test
    default void reusedNodeAccumulatesItsAdjoint() {
        assertClose(4, differentiator().gradient(DifferentiatorContract::reused, new double[] {1})[0], "dc/da");
    }

    @Test
    default void chainRuleOnACompositionMatchesTheHandDerivedGradient() {
        double[] x = {0.7, -1.3, 0.4};
        double[] g = differentiator().gradient(DifferentiatorContract::composite, x);
        double c = Math.cos(x[0] * x[1]);
        double[] expected = {
            c * x[1] + Math.exp(x[0]) * x[2],
            c * x[0],
            Math.exp(x[0]) - 3 * x[2] * x[2],
        };
        for (int j = 0; j < 3; j++) {
            assertClose(expected[j], g[j], "d/dx" + j);
        }
    }

    @Test
    default void gradientIsLinearInTheFunction() {
        double[] x = {0.3, 0.9, -0.6};
        ScalarFunction combination = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] v) {
                return composite(v).multiply(2.5).subtract(vector(v)[3].multiply(-0.75));
            }
        };
        double[] gf = differentiator().gradient(DifferentiatorContract::composite, x);
        double[] gh = differentiator().jacobian(DifferentiatorContract::vector, x)[3];
        double[] gc = differentiator().gradient(combination, x);
        for (int j = 0; j < 3; j++) {
            assertClose(2.5 * gf[j] + 0.75 * gh[j], gc[j], "d/dx" + j);
        }
    }

    @Test
    default void dotProductTestHoldsForRandomDirections() {
        Random random = new Random(20261126);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), 0.5 + random.nextDouble()};
            double[] v = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] w = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] jv = differentiator().jvp(DifferentiatorContract::vector, x, v);
            double[] wj = differentiator().vjp(DifferentiatorContract::vector, x, w);
            double lhs = 0;
            double rhs = 0;
            for (int i = 0; i < 4; i++) {
                lhs += jv[i] * w[i];
            }
            for (int j = 0; j < 3; j++) {
                rhs += v[j] * wj[j];
            }
            assertClose(lhs, rhs, "<Jv, w> = <v, J^T w> at trial " + trial);
        }
    }

    @Test
    default void jacobianRowsAreGradientsAndColumnsAreJvps() {
        double[] x = {0.8, -0.4, 1.7};
        double[][] jac = differentiator().jacobian(DifferentiatorContract::vector, x);
        assertEquals(4, jac.length);
        for (int j = 0; j < 3; j++) {
            double[] e = new double[3];
            e[j] = 1;
            double[] column = differentiator().jvp(DifferentiatorContract::vector, x, e);
            for (int i = 0; i < 4; i++) {
                assertClose(jac[i][j], column[i], "J[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    default void hessianIsSymmetricAndMatchesTheHandDerivedOne() {
        double[] x = {0.7, -1.3, 0.4};
        double[][] h = differentiator().hessian(DifferentiatorContract::composite, x);
        double s = Math.sin(x[0] * x[1]);
        double c = Math.cos(x[0] * x[1]);
        double e = Math.exp(x[0]);
        double[][] expected = {
            {-s * x[1] * x[1] + e * x[2], c - s * x[0] * x[1], e},
            {c - s * x[0] * x[1], -s * x[0] * x[0], 0},
            {e, 0, -6 * x[2]},
        };
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                double tol = hessianTolerance() * Math.max(1, Math.abs(expected[j][k]));
                assertEquals(expected[j][k], h[j][k], tol, "H[" + j + "][" + k + "]");
                assertEquals(h[j][k], h[k][j], hessianTolerance() * Math.max(1, Math.abs(h[j][k])), "symmetry");
            }
        }
    }

    /** @return the tolerance for Hessians (1e-12 for AD modes) */
    default double hessianTolerance() {
        return 1e-12;
    }

    @Test
    default void agreesWithFiniteDifferences() {
        FiniteDifferences fd = new FiniteDifferences();
        double[] x = {0.45, 1.1, -0.35};
        double[][] expected = fd.jacobian(DifferentiatorContract::vector, x);
        double[][] actual = differentiator().jacobian(DifferentiatorContract::vector, x);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < 3; j++) {
                double tol = 1e-8 * Math.max(1, Math.abs(expected[i][j]));
                assertEquals(expected[i][j], actual[i][j], tol, "J[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    default void badInputIsRejectedWithAMessageNamingIt() {
        Differentiator d = differentiator();
        assertThrows(IllegalArgumentException.class, () -> d.gradient(null, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> d.gradient(DifferentiatorContract::reused, null));
        assertThrows(IllegalArgumentException.class, () -> d.gradient(DifferentiatorContract::reused, new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.jvp(DifferentiatorContract::vector, new double[] {1, 2, 3}, new double[] {1}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.vjp(DifferentiatorContract::vector, new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("2"), e.getMessage());
        VectorFunction returnsNull = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                return null;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> d.jacobian(returnsNull, new double[] {1}));
    }

    // ---- the same laws on random programs (ProgramGenerator.safe(), wengert.tries of them) ----

    /**
     * @return whether the laws are also checked on random programs: true for the Wengert modes;
     *         the references override it (finite differences obey the laws only to their noise,
     *         which expectAd's filter handles; DerivativeStructure is compared with every mode in
     *         expectAd already, and order-2 structures over 8 inputs would take a minute here)
     */
    default boolean onRandomPrograms() {
        return true;
    }

    /** @return the absolute floor for a comparison whose terms are about {@code scale} in size */
    private double floor(double scale) {
        return tolerance() * Math.max(1, scale);
    }

    private void assertAgree(String what, double[][] expected, double[][] actual, double scale) {
        ExpectAd.agree("expected " + what, expected, differentiator().name(), actual, tolerance(), floor(scale));
    }

    @Test
    default void chainRuleHoldsForRandomProgramsAfterASmoothMap() {
        Assumptions.assumeTrue(onRandomPrograms());
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            int n = p.point.length;
            double[] x = p.point();
            VectorFunction h = new VectorFunction() {
                @Override
                public <T extends RealFieldElement<T>> T[] value(T[] z) {
                    return p.expression.value(smoothMap(z));
                }
            };
            double[][] jf = d.jacobian(p.expression, smoothMap(x));
            double[][] expected = new double[jf.length][n];
            for (int i = 0; i < jf.length; i++) {
                for (int j = 0; j < n; j++) {
                    int next = (j + 1) % n;
                    expected[i][j] += jf[i][j];
                    expected[i][next] += jf[i][j] * 1e-3 * Math.cos(x[next]);
                }
            }
            assertAgree("J_f(g(x))·J_g(x)", expected, d.jacobian(h, x), Close.maxAbs(jf) + p.sensitivity);
        });
    }

    /** g(x)_j = x_j + 10⁻³·sin(x_(j+1 mod n)): smooth, close to the identity, known Jacobian. */
    private static double[] smoothMap(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + 1e-3 * Math.sin(x[(j + 1) % x.length]);
        }
        return y;
    }

    private static <T extends RealFieldElement<T>> T[] smoothMap(T[] x) {
        T[] y = MathArrays.buildArray(x[0].getField(), x.length);
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j].add(x[(j + 1) % x.length].sin().multiply(1e-3));
        }
        return y;
    }

    @Test
    default void jacobianIsLinearAndAReusedResultDoublesIt() {
        Assumptions.assumeTrue(onRandomPrograms());
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            VectorFunction combination = new VectorFunction() {
                @Override
                public <T extends RealFieldElement<T>> T[] value(T[] x) {
                    T[] y = p.expression.value(x);
                    T[] r = MathArrays.buildArray(x[0].getField(), 2 * y.length);
                    for (int i = 0; i < y.length; i++) {
                        r[i] = y[i].multiply(2.5).subtract(y[y.length - 1 - i].multiply(0.75));
                        r[y.length + i] = y[i].add(y[i]);
                    }
                    return r;
                }
            };
            double[][] jf = d.jacobian(p.expression, p.point());
            int m = jf.length;
            double[][] expected = new double[2 * m][];
            for (int i = 0; i < m; i++) {
                expected[i] = new double[jf[i].length];
                expected[m + i] = new double[jf[i].length];
                for (int j = 0; j < jf[i].length; j++) {
                    expected[i][j] = 2.5 * jf[i][j] - 0.75 * jf[m - 1 - i][j];
                    expected[m + i][j] = 2 * jf[i][j];
                }
            }
            assertAgree("2.5·J_f − 0.75·P·J_f and 2·J_f", expected, d.jacobian(combination, p.point()),
                    3.25 * (Close.maxAbs(jf) + p.sensitivity));
        });
    }

    @Test
    default void dotProductTestHoldsOnRandomPrograms() {
        Assumptions.assumeTrue(onRandomPrograms());
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            Random random = new Random(p.expression.hashCode());
            int n = p.point.length;
            int m = p.expression.outputs();
            double[] v = new double[n];
            double[] w = new double[m];
            for (int j = 0; j < n; j++) {
                v[j] = random.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                w[i] = random.nextGaussian();
            }
            double[] jv = d.jvp(p.expression, p.point(), v);
            double[] wj = d.vjp(p.expression, p.point(), w);
            double lhs = 0;
            double rhs = 0;
            double size = 0;
            for (int i = 0; i < m; i++) {
                lhs += jv[i] * w[i];
                size += Math.abs(jv[i] * w[i]);
            }
            for (int j = 0; j < n; j++) {
                rhs += v[j] * wj[j];
                size += Math.abs(v[j] * wj[j]);
            }
            double scale = size + p.sensitivity * n * m * 10;
            if (!Close.close(lhs, rhs, tolerance(), floor(scale))) {
                throw new AssertionError(d.name() + ": <Jv, w> = " + lhs + " but <v, J^T w> = " + rhs);
            }
        });
    }

    @Test
    default void hessianOfARandomProgramIsSymmetric() {
        Assumptions.assumeTrue(onRandomPrograms());
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            double[][] h = d.hessian(ExpectAd.scalarization(p.expression), p.point());
            double[][] transposed = new double[h.length][h.length];
            for (int j = 0; j < h.length; j++) {
                for (int k = 0; k < h.length; k++) {
                    transposed[k][j] = h[j][k];
                }
            }
            double scale = Close.maxAbs(h) + p.sensitivity * p.sensitivity;
            ExpectAd.agree("H", h, "H^T (" + d.name() + ")", transposed, hessianTolerance(),
                    hessianTolerance() * Math.max(1, scale));
        });
    }

    @Test
    default void agreesWithFiniteDifferencesOnRandomPrograms() {
        Assumptions.assumeTrue(onRandomPrograms());
        Differentiator d = differentiator();
        ExpectAd.Tally tally = new ExpectAd.Tally();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p ->
                ExpectAd.againstFiniteDifferences("J", d.jacobian(p.expression, p.point()), p.expression,
                        p.point(), tally));
        tally.assertFewSkipped();
    }
}
