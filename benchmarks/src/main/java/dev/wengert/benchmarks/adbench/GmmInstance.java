package dev.wengert.benchmarks.adbench;

import java.nio.file.Path;

/**
 * One ADBench GMM instance: the data points and the starting parameters, as read from
 * {@code data/gmm/*.txt} (ADBench, MIT licence; format in {@code docs/FileFormat.md}).
 *
 * <p>File layout (whitespace separated):
 *
 * <pre>
 * d K n
 * α_1 … α_K                       (one per line)
 * μ_1,1 … μ_d,1   … one line per component
 * q_1,k … q_d,k  l_1,k … l_{d(d−1)/2},k   one line per component (the "icf")
 * x_1,i … x_d,i   … one line per point
 * γ m                             (Wishart prior)
 * </pre>
 *
 * <p>The parameters are flattened in ADBench's order (the order of its gradient files):
 * α (K), then μ (K rows of d), then the icf (K rows of d + d(d−1)/2: the log-diagonal q of the
 * inverse Cholesky factor, then its strictly lower part l, filled column by column). The
 * replicate-point mode of ADBench (one point repeated n times) is not used by these files.
 */
public final class GmmInstance {

    private final int d;
    private final int k;
    private final double[] parameters;
    private final double[][] points;
    private final double wishartGamma;
    private final int wishartM;

    /**
     * @param d dimension of a point
     * @param k number of components
     * @param parameters α, μ, icf in ADBench order; length {@link #parameterCount(int, int)}
     * @param points n points of d coordinates (not copied)
     * @param wishartGamma γ of the Wishart prior
     * @param wishartM m of the Wishart prior
     */
    public GmmInstance(int d, int k, double[] parameters, double[][] points, double wishartGamma,
                       int wishartM) {
        if (d < 1 || k < 1) {
            throw new IllegalArgumentException("d (" + d + ") and K (" + k + ") must be >= 1");
        }
        if (parameters.length != parameterCount(d, k)) {
            throw new IllegalArgumentException("parameters must have length " + parameterCount(d, k)
                    + " for d = " + d + ", K = " + k + ", but has length " + parameters.length);
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException("point " + i + " must have " + d
                        + " coordinates, but has " + points[i].length);
            }
        }
        this.d = d;
        this.k = k;
        this.parameters = parameters;
        this.points = points;
        this.wishartGamma = wishartGamma;
        this.wishartM = wishartM;
    }

    /**
     * Reads an ADBench GMM file.
     *
     * @param file e.g. {@code AdbenchData.file("data/gmm/1k/gmm_d10_K5.txt")}
     * @return the instance
     */
    public static GmmInstance read(Path file) {
        AdbenchData.Tokens in = new AdbenchData.Tokens(file);
        int d = in.nextInt();
        int k = in.nextInt();
        int n = in.nextInt();
        double[] p = new double[parameterCount(d, k)];
        for (int i = 0; i < p.length; i++) {
            p[i] = in.nextDouble();
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = in.nextDouble();
            }
        }
        double gamma = in.nextDouble();
        int m = in.nextInt();
        return new GmmInstance(d, k, p, x, gamma, m);
    }

    /**
     * @param d dimension
     * @param k components
     * @return K + K·d + K·d(d+1)/2, the number of parameters
     */
    public static int parameterCount(int d, int k) {
        return k + k * d + k * icfSize(d);
    }

    /**
     * @param d dimension
     * @return d(d+1)/2, the parameters of one inverse Cholesky factor (q and l)
     */
    public static int icfSize(int d) {
        return d * (d + 1) / 2;
    }

    /**
     * @param n how many points to keep, 1..{@link #n()}
     * @return the same instance with its first n points only (a smaller benchmark)
     */
    public GmmInstance firstPoints(int n) {
        if (n < 1 || n > points.length) {
            throw new IllegalArgumentException("n must be between 1 and " + points.length + ", but is " + n);
        }
        double[][] x = new double[n][];
        System.arraycopy(points, 0, x, 0, n);
        return new GmmInstance(d, k, parameters, x, wishartGamma, wishartM);
    }

    /** @return the objective on this instance's points */
    public GmmObjective objective() {
        return new GmmObjective(this);
    }

    /** @return dimension d of a point */
    public int d() {
        return d;
    }

    /** @return number of components K */
    public int k() {
        return k;
    }

    /** @return number of points n */
    public int n() {
        return points.length;
    }

    /** @return a copy of the starting parameters, ADBench order (α, μ, icf) */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * @param i point index
     * @param j coordinate
     * @return x<sub>i,j</sub>
     */
    public double point(int i, int j) {
        return points[i][j];
    }

    /** @return γ of the Wishart prior */
    public double wishartGamma() {
        return wishartGamma;
    }

    /** @return m of the Wishart prior */
    public int wishartM() {
        return wishartM;
    }

    double[][] pointsUnsafe() {
        return points;
    }
}
