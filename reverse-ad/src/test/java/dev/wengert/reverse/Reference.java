package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;

/** commons-math3 references: DerivativeStructure of order 1 and 2, Decimal64 values; tolerance checks. */
final class Reference {

    private Reference() {
    }

    static DerivativeStructure[] variables(double[] x, int order) {
        DerivativeStructure[] v = new DerivativeStructure[x.length];
        for (int j = 0; j < x.length; j++) {
            v[j] = new DerivativeStructure(x.length, order, j, x[j]);
        }
        return v;
    }

    static double[][] jacobian(VectorFunction f, double[] x) {
        DerivativeStructure[] y = f.value(variables(x, 1));
        double[][] jac = new double[y.length][x.length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                jac[i][j] = y[i].getPartialDerivative(unit(x.length, j, 1));
            }
        }
        return jac;
    }

    static double[] gradient(ScalarFunction f, double[] x) {
        DerivativeStructure y = f.value(variables(x, 1));
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            g[j] = y.getPartialDerivative(unit(x.length, j, 1));
        }
        return g;
    }

    static double[][] hessian(ScalarFunction f, double[] x) {
        DerivativeStructure y = f.value(variables(x, 2));
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int[] orders = new int[n];
                orders[i]++;
                orders[j]++;
                h[i][j] = y.getPartialDerivative(orders);
            }
        }
        return h;
    }

    static double[] values(VectorFunction f, double[] x) {
        Decimal64[] d = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            d[j] = new Decimal64(x[j]);
        }
        Decimal64[] y = f.value(d);
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = y[i].getReal();
        }
        return v;
    }

    private static int[] unit(int n, int j, int order) {
        int[] o = new int[n];
        o[j] = order;
        return o;
    }

    /** |actual − expected| ≤ tol · max(|expected|, floor), entry by entry. */
    static void assertClose(double[] expected, double[] actual, double tol, double floor, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], tol, floor, what + "[" + i + "]");
        }
    }

    static void assertClose(double[][] expected, double[][] actual, double tol, double floor, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], tol, floor, what + "[" + i + "]");
        }
    }

    static void assertClose(double expected, double actual, double tol, double floor, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double bound = tol * Math.max(Math.abs(expected), floor);
        assertEquals(expected, actual, bound, what);
    }

    static double maxAbs(double[][] m) {
        double r = 0;
        for (double[] row : m) {
            for (double v : row) {
                r = Math.max(r, Math.abs(v));
            }
        }
        return r;
    }
}
