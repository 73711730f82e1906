package dev.wengert.benchmarks.adbench;

import java.nio.file.Path;

/**
 * One ADBench bundle-adjustment instance, as read from {@code data/ba/*.txt} (ADBench, MIT
 * licence; format in {@code docs/FileFormat.md}).
 *
 * <p>A file holds the counts and a single camera, point, weight and feature:
 *
 * <pre>
 * n m p                       cameras, points, observations
 * c_1 … c_11                  one camera: rotation r (3, Rodrigues), centre C (3), focal f,
 *                             principal point x0 (2), radial distortion κ (2)
 * X_1 X_2 X_3                 one 3-D point
 * w                           one weight
 * u_1 u_2                     one feature (the observed image point)
 * </pre>
 *
 * <p>As ADBench's reader does, that camera is replicated to all n cameras, the point to all m
 * points, the weight and feature to all p observations, and observation i sees camera
 * i mod n and point i mod m.
 *
 * <p>The parameters are flattened as the columns of ADBench's Jacobian: the n cameras (11 each),
 * then the m points (3 each), then the p weights — 11n + 3m + p in all.
 */
public final class BaInstance {

    /** Parameters of one camera. */
    public static final int CAMERA = 11;
    /** Coordinates of one point. */
    public static final int POINT = 3;

    private final int n;
    private final int m;
    private final int p;
    private final double[] parameters;
    private final double[][] features;
    private final int[] cameraOf;
    private final int[] pointOf;

    /**
     * @param n cameras
     * @param m points
     * @param parameters cameras, points, weights; length 11n + 3m + p
     * @param features p observed image points (u, v)
     * @param cameraOf camera index of each observation
     * @param pointOf point index of each observation
     */
    public BaInstance(int n, int m, double[] parameters, double[][] features, int[] cameraOf,
                      int[] pointOf) {
        int p = features.length;
        if (n < 1 || m < 1 || p < 1) {
            throw new IllegalArgumentException("n (" + n + "), m (" + m + ") and p (" + p + ") must be >= 1");
        }
        if (parameters.length != CAMERA * n + POINT * m + p) {
            throw new IllegalArgumentException("parameters must have length 11n + 3m + p = "
                    + (CAMERA * n + POINT * m + p) + ", but has length " + parameters.length);
        }
        if (cameraOf.length != p || pointOf.length != p) {
            throw new IllegalArgumentException("cameraOf and pointOf must have length p = " + p);
        }
        for (int i = 0; i < p; i++) {
            if (cameraOf[i] < 0 || cameraOf[i] >= n || pointOf[i] < 0 || pointOf[i] >= m) {
                throw new IllegalArgumentException("observation " + i + " names camera " + cameraOf[i]
                        + " and point " + pointOf[i] + ", outside 0.." + (n - 1) + " and 0.." + (m - 1));
            }
        }
        this.n = n;
        this.m = m;
        this.p = p;
        this.parameters = parameters;
        this.features = features;
        this.cameraOf = cameraOf;
        this.pointOf = pointOf;
    }

    /**
     * Reads an ADBench BA file and replicates its camera, point, weight and feature.
     *
     * @param file e.g. {@code AdbenchData.file("data/ba/test.txt")}
     * @return the instance
     */
    public static BaInstance read(Path file) {
        AdbenchData.Tokens in = new AdbenchData.Tokens(file);
        int n = in.nextInt();
        int m = in.nextInt();
        int p = in.nextInt();
        double[] camera = new double[CAMERA];
        for (int j = 0; j < CAMERA; j++) {
            camera[j] = in.nextDouble();
        }
        double[] point = new double[POINT];
        for (int j = 0; j < POINT; j++) {
            point[j] = in.nextDouble();
        }
        double weight = in.nextDouble();
        double[] feature = {in.nextDouble(), in.nextDouble()};
        double[] params = new double[CAMERA * n + POINT * m + p];
        for (int c = 0; c < n; c++) {
            System.arraycopy(camera, 0, params, CAMERA * c, CAMERA);
        }
        for (int k = 0; k < m; k++) {
            System.arraycopy(point, 0, params, CAMERA * n + POINT * k, POINT);
        }
        double[][] features = new double[p][];
        int[] cameraOf = new int[p];
        int[] pointOf = new int[p];
        for (int i = 0; i < p; i++) {
            params[CAMERA * n + POINT * m + i] = weight;
            features[i] = feature.clone();
            cameraOf[i] = i % n;
            pointOf[i] = i % m;
        }
        return new BaInstance(n, m, params, features, cameraOf, pointOf);
    }

    /** @return the residuals as a function of the parameters */
    public BundleAdjustment residuals() {
        return new BundleAdjustment(this);
    }

    /** @return number of cameras n */
    public int n() {
        return n;
    }

    /** @return number of points m */
    public int m() {
        return m;
    }

    /** @return number of observations p */
    public int p() {
        return p;
    }

    /** @return a copy of the parameters: cameras, points, weights */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * @param i observation
     * @return its camera index
     */
    public int cameraOf(int i) {
        return cameraOf[i];
    }

    /**
     * @param i observation
     * @return its point index
     */
    public int pointOf(int i) {
        return pointOf[i];
    }

    /**
     * @param i observation
     * @param j 0 for u, 1 for v
     * @return the observed image coordinate
     */
    public double feature(int i, int j) {
        return features[i][j];
    }
}
