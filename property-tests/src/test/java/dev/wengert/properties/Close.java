package dev.wengert.properties;

/**
 * The comparison rule of the suite: a and b agree when |a − b| ≤ max(tol·(|a| + |b|)/2, tolMin),
 * NaN pairs only with NaN, and an infinity only with the same infinity.
 */
final class Close {

    private Close() {
    }

    /**
     * @param a one number
     * @param b another
     * @param tol the relative tolerance
     * @param tolMin the absolute floor, for numbers near zero
     * @return whether they agree by the rule
     */
    static boolean close(double a, double b, double tol, double tolMin) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= Math.max(tol * (Math.abs(a) + Math.abs(b)) / 2, tolMin);
    }

    /** @return whether a and b have the same bits (all NaNs count as one) */
    static boolean identical(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /** @return the largest |entry| of a matrix, ignoring non-finite entries */
    static double maxAbs(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    s = Math.max(s, Math.abs(v));
                }
            }
        }
        return s;
    }
}
