package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.util.Decimal64;

/** commons-math3 references: DerivativeStructure of order 1 and 2, Decimal64 values; tolerance checks. */
final class Reference {

    private Reference() {
    }

    private static final DerivativeStructureDifferentiator DS = new DerivativeStructureDifferentiator();

    /** The Jacobian by commons-math3 {@code DerivativeStructure} of order 1. */
    static double[][] jacobian(VectorFunction f, double[] x) {
        return DS.jacobian(f, x);
    }

    /** The gradient by commons-math3 {@code DerivativeStructure} of order 1. */
    static double[] gradient(ScalarFunction f, double[] x) {
        return DS.gradient(f, x);
    }

    /** The Hessian by commons-math3 {@code DerivativeStructure} of order 2. */
    static double[][] hessian(ScalarFunction f, double[] x) {
        return DS.hessian(f, x);
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
