package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares Jacobians column by column, each with a tolerance relative to that column's largest
 * entry in the reference: an error of 1e-7 relative in a column of size 1e-9 fails as surely as one
 * in a column of size 1e3, where an absolute floor (|a − b| ≤ max(tol·|b|, 1e-14)) would hide it.
 */
final class Columns {

    private Columns() {
    }

    /** @return the largest |entry| of each column */
    static double[] scales(double[][] jacobian) {
        double[] scale = new double[jacobian.length == 0 ? 0 : jacobian[0].length];
        for (double[] row : jacobian) {
            for (int c = 0; c < row.length; c++) {
                scale[c] = Math.max(scale[c], Math.abs(row[c]));
            }
        }
        return scale;
    }

    /**
     * Requires |actual − expected| ≤ tolerance · max<sub>i</sub> |expected[i][c]| in every column c,
     * and every column of the reference nonzero (an empty column would check nothing).
     *
     * @param expected the reference
     * @param actual what is checked
     * @param tolerance relative to each column's largest entry
     * @param what names the comparison in failures
     */
    static void assertAgree(double[][] expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        double[] scale = scales(expected);
        for (int c = 0; c < scale.length; c++) {
            assertTrue(scale[c] > 0 && Double.isFinite(scale[c]), what + ": column " + c + " is nonzero and finite: " + scale[c]);
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": columns of row " + i);
            for (int c = 0; c < scale.length; c++) {
                double e = expected[i][c];
                double a = actual[i][c];
                if (!(Math.abs(a - e) <= tolerance * scale[c])) {
                    throw new AssertionError(what + ": J[" + i + "][" + c + "] = " + a + " but the reference is " + e
                            + " (column scale " + scale[c] + ", error " + Math.abs(a - e) / scale[c] + " of it, tolerance "
                            + tolerance + ")");
                }
            }
        }
    }

    /** @return max over entries of |actual − expected| / (its column's largest |expected|) */
    static double worstRelativeError(double[][] expected, double[][] actual) {
        double[] scale = scales(expected);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < scale.length; c++) {
                worst = Math.max(worst, Math.abs(actual[i][c] - expected[i][c]) / scale[c]);
            }
        }
        return worst;
    }
}
