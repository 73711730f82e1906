package dev.wengert.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.Seed;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {

    private final FiniteDifferences fd = new FiniteDifferences();

    static void assertRelative(double expected, double actual, double tol, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= tol * scale,
                what + ": expected " + expected + " but was " + actual
                        + " (relative error " + Math.abs(expected - actual) / scale + ", tolerance " + tol + ")");
    }

    @Test
    void isNamedFiniteDifferences() {
        assertEquals("finite-differences", fd.name());
    }

    @Test
    void productGradientIsTheOtherFactor() {
        double[] g = fd.gradient(Seed::product, new double[] {3, 4});
        assertRelative(4, g[0], 1e-9, "dc/da");
        assertRelative(3, g[1], 1e-9, "dc/db");
    }

    @Test
    void xyPlusXSquaredGradientIsSevenAndTwo() {
        double[] g = fd.gradient(Seed::xyPlusXSquared, new double[] {2, 3});
        assertRelative(7, g[0], 1e-9, "dz/dx");
        assertRelative(2, g[1], 1e-9, "dz/dy");
    }

    @Test
    void twoLayerGradientIsSigmoidPrimeTimesTheChain() {
        double[] g = fd.gradient(Seed::twoLayer, new double[] {2, 3, 4, 1, 0.5});
        double s1 = Seed.sigmoidPrimeAt10_5();
        double[] expected = {3 * s1, 2 * s1, s1, 10 * s1, s1};
        for (int j = 0; j < 5; j++) {
            assertRelative(expected[j], g[j], 1e-9, "component " + j);
        }
    }

    @Test
    void rosenbrockGradientMatchesTheHandDerivedOne() {
        double[] x = {-1.2, 1, 0.5, -0.3, 2.5, 3.1, -0.7, 0.9, 1.1, 1.3};
        double[] g = fd.gradient(Seed::rosenbrock, x);
        double[] expected = Seed.rosenbrockGradient(x);
        for (int j = 0; j < x.length; j++) {
            assertRelative(expected[j], g[j], 1e-9, "component " + j);
        }
    }

    @Test
    void rosenbrockHessianMatchesTheHandDerivedOneAndIsSymmetric() {
        double[] x = {-1.2, 1, 0.5, -0.3, 2.5, 3.1};
        double[][] h = fd.hessian(Seed::rosenbrock, x);
        double[][] expected = Seed.rosenbrockHessian(x);
        for (int j = 0; j < x.length; j++) {
            for (int k = 0; k < x.length; k++) {
                assertEquals(expected[j][k], h[j][k], 1e-6 * Math.max(1, Math.abs(expected[j][k])), "H[" + j + "][" + k + "]");
                assertEquals(h[j][k], h[k][j], 0.0);
            }
        }
    }

    @Test
    void jacobianJvpAndVjpOfAVectorFunctionAgree() {
        double[] x = {1.3, 0.7, -2.1};
        double[][] j = fd.jacobian(Seed::polar, x);
        double[][] expected = Seed.polarJacobian(x);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[r][c], j[r][c], 1e-9 * Math.max(1, Math.abs(expected[r][c])));
            }
        }
        double[] v = {0.3, -1.1, 2.0};
        double[] w = {1.5, -0.5, 0.25};
        double[] jv = fd.jvp(Seed::polar, x, v);
        double[] wj = fd.vjp(Seed::polar, x, w);
        for (int r = 0; r < 3; r++) {
            double e = 0;
            for (int c = 0; c < 3; c++) {
                e += expected[r][c] * v[c];
            }
            assertEquals(e, jv[r], 1e-9 * Math.max(1, Math.abs(e)), "Jv[" + r + "]");
        }
        for (int c = 0; c < 3; c++) {
            double e = 0;
            for (int r = 0; r < 3; r++) {
                e += w[r] * expected[r][c];
            }
            assertEquals(e, wj[c], 1e-9 * Math.max(1, Math.abs(e)), "wJ[" + c + "]");
        }
    }

    @Test
    void aDeclaredBoundIsNeverCrossed() {
        AtomicBoolean crossed = new AtomicBoolean();
        ScalarFunction cubeSum = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                if (x[0].getReal() < 0) {
                    crossed.set(true);
                }
                return x[0].pow(3).add(x[0].exp()).add(x[1]);
            }
        };
        FiniteDifferences bounded = fd.withBounds(new double[] {0, Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
        double[] g = bounded.gradient(cubeSum, new double[] {0.01, 1});
        assertTrue(!crossed.get(), "sampled below the declared lower bound");
        assertRelative(3 * 0.01 * 0.01 + Math.exp(0.01), g[0], 1e-9, "one-sided d(x^3 + e^x)/dx near the bound 0");
        assertRelative(1, g[1], 1e-9, "d/dy");
    }

    @Test
    void badInputNamesWhatWasExpected() {
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> fd.gradient(null, new double[] {1}));
        assertTrue(e.getMessage().contains("function f"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fd.gradient(Seed::product, null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fd.gradient(Seed::product, new double[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fd.jvp(Seed::polar, new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("length 3, but has length 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fd.vjp(Seed::polar, new double[] {1, 2, 3}, new double[] {1}));
        assertTrue(e.getMessage().contains("length 3, but has length 1"), e.getMessage());
        VectorFunction returnsNull = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                return null;
            }
        };
        e = assertThrows(IllegalArgumentException.class, () -> fd.jacobian(returnsNull, new double[] {1}));
        assertTrue(e.getMessage().contains("returned null"), e.getMessage());
        VectorFunction varying = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                int m = x[0].getReal() > 1 ? 2 : 1;
                T[] y = MathArrays.buildArray(x[0].getField(), m);
                for (int i = 0; i < m; i++) {
                    y[i] = x[0];
                }
                return y;
            }
        };
        e = assertThrows(IllegalArgumentException.class, () -> fd.jacobian(varying, new double[] {1}));
        assertTrue(e.getMessage().contains("outputs"), e.getMessage());
        ScalarFunction nullScalar = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return null;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> fd.gradient(nullScalar, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new FiniteDifferences(2, 0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new FiniteDifferences(9, -0.1, 0.1));
    }

    @Test
    void serviceLoaderFindsFiniteDifferences() {
        assertTrue(Differentiators.available().stream().anyMatch(d -> d.name().equals("finite-differences")));
        assertEquals("finite-differences", Differentiators.named("finite-differences").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Differentiators.named("telepathy"));
        assertTrue(e.getMessage().contains("telepathy"));
    }
}
