package dev.wengert.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.benchmarks.adbench.AdbenchData;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.testing.RequiresData;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/** The shared problems: generic and plain agree, and every peer gives the known gradient. */
class ProblemsTest {

    private static final ScalarFunction ROSENBROCK = Problems::rosenbrock;

    @Test
    void rosenbrockIsZeroAtOnesAndKnownAtTheClassicStart() {
        assertEquals(0.0, Problems.rosenbrock(new double[] {1, 1, 1, 1}));
        // one pair at (-1.2, 1): 100 (1 - 1.44)^2 + 2.2^2 = 19.36 + 4.84 = 24.2
        assertEquals(5 * 24.2, Problems.rosenbrock(Problems.rosenbrockStart(10)), 1e-12);
    }

    @Test
    void genericRosenbrockOnDecimal64IsBitIdenticalToPlain() {
        double[] x = {0.3, -0.7, 1.9, 2.5, -1.2, 1};
        Decimal64[] d = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            d[j] = new Decimal64(x[j]);
        }
        assertEquals(Problems.rosenbrock(x), Problems.rosenbrock(d).getReal(), 0.0);
    }

    @Test
    void everyPeerGivesTheAnalyticRosenbrockGradient() {
        double[] x = {0.3, -0.7, 1.9, 2.5, -1.2, 1};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            expected[i] = -400 * x[i] * t - 2 * (1 - x[i]);
            expected[i + 1] = 200 * t;
        }
        assertArrayEquals(expected, Peers.derivativeStructureGradient(ROSENBROCK, x), 1e-12);
        assertArrayEquals(expected, Peers.sparseGradient(ROSENBROCK, x), 1e-12);
        assertArrayEquals(expected, new FiniteDifferences().gradient(ROSENBROCK, x), 1e-6);
    }

    @Test
    void rosenbrockRejectsAnOddDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Problems.rosenbrock(new double[3]));
        assertEquals("extended Rosenbrock needs an even dimension n >= 2, but n is 3", e.getMessage());
    }

    @Test
    @RequiresData(AdbenchData.NAME)
    void gmmProblemIsTheD10K5InstanceCutToNPoints() {
        assertEquals(7, Problems.gmm(7).n());
        assertEquals(330, Problems.gmm(7).objective().parameterCount());
    }
}
