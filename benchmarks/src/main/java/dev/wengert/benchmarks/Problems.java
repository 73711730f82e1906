package dev.wengert.benchmarks;

import dev.wengert.benchmarks.adbench.AdbenchData;
import dev.wengert.benchmarks.adbench.GmmInstance;
import org.apache.commons.math3.RealFieldElement;

/**
 * The benchmark problems, written once generically (for every mode and every peer) and once on
 * plain {@code double} (the baseline every ratio divides by). Shared by all benchmark classes —
 * the baselines here and the forward, reverse and mixed benchmarks — so that every variant of a
 * family times the same function at the same point.
 *
 * <ul>
 *   <li><b>Extended Rosenbrock</b>, n even:
 *       f(x) = Σ<sub>i=0</sub><sup>n/2−1</sup> [100 (x<sub>2i+1</sub> − x<sub>2i</sub>²)² +
 *       (1 − x<sub>2i</sub>)²], at the classic start x = (−1.2, 1, −1.2, 1, …). The gradient
 *       has ∂f/∂x<sub>2i</sub> = −400 x<sub>2i</sub>(x<sub>2i+1</sub> − x<sub>2i</sub>²) −
 *       2(1 − x<sub>2i</sub>) and ∂f/∂x<sub>2i+1</sub> = 200 (x<sub>2i+1</sub> − x<sub>2i</sub>²);
 *       about 7n/2 operations, n inputs, one output: the case where reverse mode wins by n.</li>
 *   <li><b>ADBench GMM</b>: {@link dev.wengert.benchmarks.adbench.GmmObjective} on
 *       {@value #GMM_FILE} (d = 10, K = 5, 330 parameters), with its first n points
 *       ({@link #gmm(int)}).</li>
 * </ul>
 */
public final class Problems {

    /** The ADBench GMM instance of the benchmarks: 1000 points, d = 10, K = 5. */
    public static final String GMM_FILE = "data/gmm/1k/gmm_d10_K5.txt";

    private static GmmInstance gmm;

    private Problems() {
    }

    /**
     * Extended Rosenbrock, generically.
     *
     * @param x the point, even length n ≥ 2
     * @param <T> the number type
     * @return Σ<sub>i</sub> 100 (x<sub>2i+1</sub> − x<sub>2i</sub>²)² + (1 − x<sub>2i</sub>)²
     */
    public static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
        checkEven(x.length);
        T sum = x[0].getField().getZero();
        for (int i = 0; i < x.length; i += 2) {
            T t = x[i + 1].subtract(x[i].multiply(x[i]));
            T u = x[i].negate().add(1);
            sum = sum.add(t.multiply(t).multiply(100)).add(u.multiply(u));
        }
        return sum;
    }

    /**
     * Extended Rosenbrock on plain {@code double}: the same arithmetic as
     * {@link #rosenbrock(RealFieldElement[])}.
     *
     * @param x the point, even length n ≥ 2
     * @return f(x)
     */
    public static double rosenbrock(double[] x) {
        checkEven(x.length);
        double sum = 0;
        for (int i = 0; i < x.length; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1 - x[i];
            sum = sum + t * t * 100 + u * u;
        }
        return sum;
    }

    /**
     * @param n dimension, even
     * @return the classic starting point (−1.2, 1, −1.2, 1, …)
     */
    public static double[] rosenbrockStart(int n) {
        checkEven(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = -1.2;
            x[i + 1] = 1;
        }
        return x;
    }

    /**
     * The ADBench GMM instance {@value #GMM_FILE} with its first n points; the file is read once
     * (the data folder is found by {@link AdbenchData}).
     *
     * @param n points to keep, 1..1000
     * @return the instance; {@code gmm(n).objective()} is the function, {@code gmm(n).parameters()}
     *     the point
     */
    public static synchronized GmmInstance gmm(int n) {
        if (gmm == null) {
            gmm = GmmInstance.read(AdbenchData.file(GMM_FILE));
        }
        return gmm.firstPoints(n);
    }

    private static void checkEven(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("extended Rosenbrock needs an even dimension n >= 2, but n is " + n);
        }
    }
}
