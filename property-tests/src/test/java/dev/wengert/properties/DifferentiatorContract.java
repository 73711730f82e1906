package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.ValueAndGradient;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
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

    /** @return x as {@code Decimal64}s, to evaluate a function in plain double arithmetic */
    static Decimal64[] decimals(double[] x) {
        Decimal64[] d = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            d[j] = new Decimal64(x[j]);
        }
        return d;
    }

    @Test
    default void valueAndGradientGivesFBitForBitAndTheGradient() {
        double[] x = {0.7, -1.3, 0.4};
        double[] copy = x.clone();
        ValueAndGradient vg = differentiator().valueAndGradient(DifferentiatorContract::composite, x);
        assertArrayEquals(copy, x, "the point is not written");
        assertEquals(composite(decimals(x)).getReal(), vg.value(), differentiator().name() + ": f(x)");
        assertArrayEquals(differentiator().gradient(DifferentiatorContract::composite, x), vg.gradient(),
                differentiator().name() + ": the gradient is gradient()'s");
        vg.gradient()[0] = 99;
        assertTrue(vg.gradient(0) != 99, "gradient() returns a copy");
    }

    @Test
    default void valueAndJacobianGivesFBitForBitAndTheJacobian() {
        double[] x = {0.8, -0.4, 1.7};
        ValueAndJacobian vj = differentiator().valueAndJacobian(DifferentiatorContract::vector, x);
        Decimal64[] y = vector(decimals(x));
        assertEquals(4, vj.outputCount());
        assertEquals(3, vj.inputCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(y[i].getReal(), vj.value(i), differentiator().name() + ": f_" + i + "(x)");
        }
        double[][] jac = differentiator().jacobian(DifferentiatorContract::vector, x);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(jac[i], vj.jacobian()[i], differentiator().name() + ": row " + i + " is jacobian()'s");
        }
        vj.jacobian()[0][0] = 99;
        vj.values()[0] = 99;
        assertTrue(vj.jacobian(0, 0) != 99 && vj.value(0) != 99, "jacobian() and values() return copies");
    }

    @Test
    default void hessianVectorProductIsTheHessianTimesTheDirection() {
        Random random = new Random(20261204);
        for (int trial = 0; trial < 10; trial++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] v = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[][] h = differentiator().hessian(DifferentiatorContract::composite, x);
            double[] hv = differentiator().hvp(DifferentiatorContract::composite, x, v);
            assertEquals(3, hv.length);
            for (int j = 0; j < 3; j++) {
                double expected = 0;
                double size = 0;
                for (int k = 0; k < 3; k++) {
                    expected += h[j][k] * v[k];
                    size += Math.abs(h[j][k] * v[k]);
                }
                assertTrue(Math.abs(expected - hv[j]) <= hessianTolerance() * size,
                        differentiator().name() + ": (H·v)_" + j + " at trial " + trial + ": expected " + expected
                                + " (terms of size " + size + ") but was " + hv[j]);
            }
        }
    }

    @Test
    default void hessianVectorProductAlongAUnitVectorIsAHessianColumn() {
        double[] x = {0.7, -1.3, 0.4};
        double[][] h = differentiator().hessian(DifferentiatorContract::composite, x);
        for (int k = 0; k < 3; k++) {
            double[] e = new double[3];
            e[k] = 1;
            double[] column = differentiator().hvp(DifferentiatorContract::composite, x, e);
            for (int j = 0; j < 3; j++) {
                double tol = hessianTolerance() * Math.abs(h[j][k]);
                assertEquals(h[j][k], column[j], tol, differentiator().name() + ": H[" + j + "][" + k + "]");
            }
        }
    }

    @Test
    default void newCallsRejectBadInputWithTheUniformMessages() {
        Differentiator d = differentiator();
        double[] x = {1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.hvp(DifferentiatorContract::composite, x, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("direction v") && e.getMessage().contains("3")
                && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.hvp(DifferentiatorContract::composite, x, null));
        assertTrue(e.getMessage().contains("direction v"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.hvp(null, x, x));
        assertThrows(IllegalArgumentException.class, () -> d.hvp(DifferentiatorContract::composite, null, x));
        assertThrows(IllegalArgumentException.class, () -> d.valueAndGradient(null, x));
        e = assertThrows(IllegalArgumentException.class, () -> d.valueAndGradient(DifferentiatorContract::composite, null));
        assertTrue(e.getMessage().contains("point x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> d.valueAndGradient(DifferentiatorContract::composite, new double[0]));
        assertTrue(e.getMessage().contains("point x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.valueAndJacobian(null, x));
        e = assertThrows(IllegalArgumentException.class, () -> d.valueAndJacobian(DifferentiatorContract::vector, null));
        assertTrue(e.getMessage().contains("point x"), e.getMessage());
        VectorFunction returnsNull = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] z) {
                return null;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> d.valueAndJacobian(returnsNull, x));
        ScalarFunction returnsNullScalar = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] z) {
                return null;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> d.valueAndGradient(returnsNullScalar, x));
        assertThrows(IllegalArgumentException.class, () -> d.hvp(returnsNullScalar, x, x));
    }
}
