package dev.wengert.benchmarks.adbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** ADBench's agreement rule: |a − b| / max(1, |a| + |b|) below a tolerance. */
final class Golden {

    private Golden() {
    }

    static double error(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.abs(a) + Math.abs(b));
    }

    static void assertAgrees(double expected, double actual, double tolerance, String what) {
        if (!(error(expected, actual) < tolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (ADBench error "
                    + error(expected, actual) + " >= " + tolerance + ")");
        }
    }

    static void assertAgrees(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertAgrees(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }
}
