package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/** {@link ForwardMode}: passes, chunking, R → R derivatives, thread safety and bad input. */
class ForwardModeTest {

    private final ForwardMode forward = new ForwardMode();

    /** A branch on the value exactly at the point: x0 ≥ 1 takes the product branch. */
    static <T extends RealFieldElement<T>> T[] kink(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 2);
        if (x[0].getReal() >= 1) {
            f[0] = x[0].multiply(x[1]).add(x[4].sin());
            f[1] = x[2].multiply(x[3]).multiply(x[4]);
        } else {
            f[0] = x[0].add(x[1]);
            f[1] = x[2].subtract(x[3]);
        }
        return f;
    }

    static <T extends RealFieldElement<T>> T mixed(T[] x) {
        return x[0].multiply(x[1]).sin().add(x[2].exp().multiply(x[0])).add(x[1].multiply(x[2]).atan());
    }

    static <T extends RealFieldElement<T>> T sinTimesX(T x) {
        return x.sin().multiply(x);
    }

    @Test
    void theBranchTakenAtAKinkDoesNotDependOnTheChunkSize() {
        double[] x = {1, 2, 3, 4, 5};
        double[][] expected = new ForwardMode(1).jacobian(ForwardModeTest::kink, x);
        assertArrayEquals(new double[] {2, 1, 0, 0, Math.cos(5)}, expected[0]);
        for (int k : new int[] {3, 5}) {
            double[][] j = new ForwardMode(k).jacobian(ForwardModeTest::kink, x);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(expected[i], j[i], 0.0, "chunk " + k + ", row " + i);
            }
        }
    }

    @Test
    void hyperDualHessianIsSymmetricAndMatchesFiniteDifferences() {
        double[] x = {0.3, -0.8, 0.5};
        double[][] h = forward.hessian(ForwardModeTest::mixed, x);
        double[][] fd = new FiniteDifferences().hessian(ForwardModeTest::mixed, x);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(h[i][j], h[j][i], 0.0);
                assertEquals(fd[i][j], h[i][j], 1e-6 * Math.max(1, Math.abs(h[i][j])));
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesForEveryChunkSize() {
        double[] x = {0.3, -0.8, 0.5};
        double[] fd = new FiniteDifferences().gradient(ForwardModeTest::mixed, x);
        for (int k = 1; k <= 4; k++) {
            double[] g = new ForwardMode(k).gradient(ForwardModeTest::mixed, x);
            assertArrayEquals(fd, g, 1e-9);
        }
    }

    @Test
    void derivativeAndSecondDerivativeOfAUnivariateFunction() {
        double x = 2;
        assertEquals(Math.sin(x) + x * Math.cos(x), forward.derivative(ForwardModeTest::sinTimesX, x), 1e-15);
        assertEquals(2 * Math.cos(x) - x * Math.sin(x), forward.secondDerivative(ForwardModeTest::sinTimesX, x),
                1e-15);
    }

    @Test
    void oneInstanceServesManyThreadsWithBitIdenticalResults() throws Exception {
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2};
        VectorFunction f = MoreGarbowHillstrom::extendedRosenbrock;
        ForwardMode shared = new ForwardMode(5);
        double[][] expected = shared.jacobian(f, x);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> shared.jacobian(f, x)));
            }
            for (Future<double[][]> r : results) {
                double[][] j = r.get();
                for (int i = 0; i < x.length; i++) {
                    assertArrayEquals(expected[i], j[i], 0.0);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theCallersPointIsNotModifiedAndNotShared() {
        double[] x = {1, 2};
        forward.gradient(Seed::product, x);
        assertArrayEquals(new double[] {1, 2}, x);
        assertEquals("forward", forward.name());
        assertEquals(ForwardMode.DEFAULT_CHUNK_SIZE, forward.chunkSize());
    }

    // ---- bad input -------------------------------------------------------------------------

    private static <T extends RealFieldElement<T>> T returnsNull(T[] x) {
        return null;
    }

    private static <T extends RealFieldElement<T>> T[] returnsNullArray(T[] x) {
        return null;
    }

    private static <T extends RealFieldElement<T>> T[] returnsEmpty(T[] x) {
        return MathArrays.buildArray(x[0].getField(), 0);
    }

    @SuppressWarnings("unchecked")
    private static <T extends RealFieldElement<T>> T[] returnsNullElement(T[] x) {
        return (T[]) java.lang.reflect.Array.newInstance(x[0].getClass(), 2);
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void nullFunctionOrPointOrEmptyPointIsRejected() {
        assertTrue(message(() -> forward.gradient(null, new double[] {1})).contains("function f must not be null"));
        assertTrue(message(() -> forward.gradient(Seed::product, null)).contains("must not be null"));
        assertTrue(message(() -> forward.jacobian(MoreGarbowHillstrom::rosenbrock, new double[0])).contains("empty"));
        assertTrue(message(() -> forward.hessian(null, new double[] {1})).contains("function f"));
        assertTrue(message(() -> forward.jvp(null, new double[] {1}, new double[] {1})).contains("function f"));
        assertTrue(message(() -> forward.vjp(MoreGarbowHillstrom::rosenbrock, null, new double[] {1, 1}))
                .contains("point x"));
        assertTrue(message(() -> forward.derivative(null, 1)).contains("function f"));
        assertTrue(message(() -> forward.secondDerivative(null, 1)).contains("function f"));
        assertTrue(message(() -> new ForwardMode(0)).contains("chunk size must be >= 1, but is 0"));
    }

    @Test
    void directionsOfTheWrongLengthNameExpectedAndActual() {
        double[] x = {1, 2};
        assertEquals("direction v (one per input) must have length 2, but has length 3",
                message(() -> forward.jvp(MoreGarbowHillstrom::rosenbrock, x, new double[] {1, 2, 3})));
        assertTrue(message(() -> forward.jvp(MoreGarbowHillstrom::rosenbrock, x, null)).contains("must not be null"));
        assertEquals("weights w (one per output) must have length 2, but has length 1",
                message(() -> forward.vjp(MoreGarbowHillstrom::rosenbrock, x, new double[] {1})));
        assertTrue(message(() -> forward.vjp(MoreGarbowHillstrom::rosenbrock, x, null)).contains("must not be null"));
    }

    @Test
    void badlyBehavedFunctionsAreRejected() {
        double[] x = {1, 2};
        ScalarFunction nullScalar = ForwardModeTest::returnsNull;
        assertTrue(message(() -> forward.gradient(nullScalar, x)).contains("returned null"));
        assertTrue(message(() -> forward.hessian(nullScalar, x)).contains("returned null"));
        assertTrue(message(() -> forward.derivative(new UnivariateScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T y) {
                return null;
            }
        }, 1)).contains("returned null"));
        assertTrue(message(() -> forward.jacobian(ForwardModeTest::returnsNullArray, x)).contains("returned null"));
        assertTrue(message(() -> forward.jvp(ForwardModeTest::returnsNullArray, x, x)).contains("returned null"));
        assertTrue(message(() -> forward.jacobian(ForwardModeTest::returnsEmpty, x)).contains("no outputs"));
        assertTrue(message(() -> forward.jacobian(ForwardModeTest::returnsNullElement, x)).contains("null as output 0"));
    }

    @Test
    void outputsOfVaryingLengthAreRejected() {
        AtomicInteger calls = new AtomicInteger();
        VectorFunction varying = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] f = MathArrays.buildArray(x[0].getField(), 2 + calls.getAndIncrement());
                java.util.Arrays.fill(f, x[0]);
                return f;
            }
        };
        assertTrue(message(() -> new ForwardMode(1).jacobian(varying, new double[] {1, 2}))
                .contains("returned 3 outputs, but returned 2"));
    }

    @Test
    void anOutputFromAnotherPassIsRejected() {
        ScalarFunction foreign = new ScalarFunction() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0] instanceof DualVector ? (T) DualVector.constant(1, 7) : x[0];
            }
        };
        assertTrue(message(() -> new ForwardMode(2).gradient(foreign, new double[] {1, 2}))
                .contains("has 7 tangents, but the pass seeded k = 2"));
    }

    @Test
    void directionalDerivativeIsTheGradientTimesTheDirectionAsJvpGivesIt() {
        double[] x = {0.3, -1.2, 0.7};
        double[] v = {1, -2, 0.5};
        ScalarFunction f = ForwardModeTest::mixed;
        VectorFunction asVector = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] in) {
                T[] out = MathArrays.buildArray(in[0].getField(), 1);
                out[0] = mixed(in);
                return out;
            }
        };
        assertEquals(forward.jvp(asVector, x, v)[0], forward.directionalDerivative(f, x, v));
        double[] g = forward.gradient(f, x);
        assertEquals(g[0] * v[0] + g[1] * v[1] + g[2] * v[2], forward.directionalDerivative(f, x, v), 1e-12);
        assertTrue(message(() -> forward.directionalDerivative(f, x, new double[] {1})).contains("direction v"));
        assertTrue(message(() -> forward.directionalDerivative(null, x, v)).contains("function f"));
    }
}
