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
}
