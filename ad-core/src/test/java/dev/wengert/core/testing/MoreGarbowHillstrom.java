package dev.wengert.core.testing;

import dev.wengert.core.VectorFunction;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * Test problems of Moré, Garbow &amp; Hillstrom, "Testing unconstrained optimization software"
 * (ACM TOMS 7, 1981): residuals f: R<sup>n</sup> → R<sup>m</sup>, each written once generically
 * and beside it its Jacobian derived by hand, with the paper's starting point and one more point.
 */
public final class MoreGarbowHillstrom {

    /**
     * A problem: name, residuals, hand-derived Jacobian, points to test at (the paper's starting
     * point first; every problem has a second point of the first one's dimension, for replay).
     */
    public record Problem(String name, VectorFunction residuals, Function<double[], double[][]> jacobian,
            double[]... points) {
    }

    public static final List<Problem> PROBLEMS = List.of(
            new Problem("Rosenbrock", MoreGarbowHillstrom::rosenbrock, MoreGarbowHillstrom::rosenbrockJ,
                    new double[] {-1.2, 1}, new double[] {0.7, 2.3}),
            new Problem("Freudenstein-Roth", MoreGarbowHillstrom::freudensteinRoth,
                    MoreGarbowHillstrom::freudensteinRothJ, new double[] {0.5, -2}, new double[] {3.1, 1.7}),
            new Problem("Powell badly scaled", MoreGarbowHillstrom::powellBadlyScaled,
                    MoreGarbowHillstrom::powellBadlyScaledJ, new double[] {0, 1}, new double[] {1.1e-5, 9.1}),
            new Problem("Brown badly scaled", MoreGarbowHillstrom::brownBadlyScaled,
                    MoreGarbowHillstrom::brownBadlyScaledJ, new double[] {1, 1}, new double[] {1e6, 2e-6}),
            new Problem("Beale", MoreGarbowHillstrom::beale, MoreGarbowHillstrom::bealeJ,
                    new double[] {1, 1}, new double[] {0.5, 0.8}),
            new Problem("Jennrich-Sampson", MoreGarbowHillstrom::jennrichSampson,
                    MoreGarbowHillstrom::jennrichSampsonJ, new double[] {0.3, 0.4}, new double[] {0.2578, 0.2578}),
            new Problem("Helical valley", MoreGarbowHillstrom::helicalValley, MoreGarbowHillstrom::helicalValleyJ,
                    new double[] {-1, 0, 0}, new double[] {0.5, 0.7, 0.2}),
            new Problem("Bard", MoreGarbowHillstrom::bard, MoreGarbowHillstrom::bardJ,
                    new double[] {1, 1, 1}, new double[] {0.08, 1.1, 2.3}),
            new Problem("Gaussian", MoreGarbowHillstrom::gaussian, MoreGarbowHillstrom::gaussianJ,
                    new double[] {0.4, 1, 0}, new double[] {0.3989, 1.0, 0.1}),
            new Problem("Meyer", MoreGarbowHillstrom::meyer, MoreGarbowHillstrom::meyerJ,
                    new double[] {0.02, 4000, 250}, new double[] {0.0056, 6181, 345}),
            new Problem("Box 3-D", MoreGarbowHillstrom::box3d, MoreGarbowHillstrom::box3dJ,
                    new double[] {0, 10, 20}, new double[] {1, 10, 1}),
            new Problem("Powell singular", MoreGarbowHillstrom::powellSingular,
                    MoreGarbowHillstrom::powellSingularJ, new double[] {3, -1, 0, 1}, new double[] {0.1, 0.2, -0.3, 0.4}),
            new Problem("Wood", MoreGarbowHillstrom::wood, MoreGarbowHillstrom::woodJ,
                    new double[] {-3, -1, -3, -1}, new double[] {1.1, 0.9, 1.2, 0.8}),
            new Problem("Kowalik-Osborne", MoreGarbowHillstrom::kowalikOsborne,
                    MoreGarbowHillstrom::kowalikOsborneJ, new double[] {0.25, 0.39, 0.415, 0.39},
                    new double[] {0.1928, 0.1913, 0.1231, 0.1361}),
            new Problem("Brown-Dennis", MoreGarbowHillstrom::brownDennis, MoreGarbowHillstrom::brownDennisJ,
                    new double[] {25, 5, -5, -1}, new double[] {-11.6, 13.2, -0.4, 0.6}),
            new Problem("Biggs EXP6", MoreGarbowHillstrom::biggsExp6, MoreGarbowHillstrom::biggsExp6J,
                    new double[] {1, 2, 1, 1, 1, 1}, new double[] {1, 10, 1, 5, 4, 3}),
            new Problem("Extended Rosenbrock", MoreGarbowHillstrom::extendedRosenbrock,
                    MoreGarbowHillstrom::extendedRosenbrockJ,
                    new double[] {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1},
                    new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4},
                    new double[] {0.9, -0.8, 0.7, -0.6, 0.5, -0.4, 0.3, -0.2, 0.1, 0.0}));

    private MoreGarbowHillstrom() {
    }

    private static <T extends RealFieldElement<T>> T[] array(T x, int m) {
        return MathArrays.buildArray(x.getField(), m);
    }

    // (1) Rosenbrock: f1 = 10(x2 − x1²), f2 = 1 − x1
    public static <T extends RealFieldElement<T>> T[] rosenbrock(T[] x) {
        T[] f = array(x[0], 2);
        f[0] = x[1].subtract(x[0].multiply(x[0])).multiply(10);
        f[1] = x[0].negate().add(1);
        return f;
    }

    public static double[][] rosenbrockJ(double[] x) {
        return new double[][] {{-20 * x[0], 10}, {-1, 0}};
    }

    // (2) Freudenstein-Roth: f1 = −13 + x1 + ((5 − x2)x2 − 2)x2, f2 = −29 + x1 + ((x2 + 1)x2 − 14)x2
    public static <T extends RealFieldElement<T>> T[] freudensteinRoth(T[] x) {
        T[] f = array(x[0], 2);
        f[0] = x[0].add(-13).add(x[1].negate().add(5).multiply(x[1]).subtract(2).multiply(x[1]));
        f[1] = x[0].add(-29).add(x[1].add(1).multiply(x[1]).subtract(14).multiply(x[1]));
        return f;
    }

    public static double[][] freudensteinRothJ(double[] x) {
        double y = x[1];
        return new double[][] {{1, 10 * y - 3 * y * y - 2}, {1, 3 * y * y + 2 * y - 14}};
    }

    // (3) Powell badly scaled: f1 = 10⁴x1x2 − 1, f2 = e^−x1 + e^−x2 − 1.0001
    public static <T extends RealFieldElement<T>> T[] powellBadlyScaled(T[] x) {
        T[] f = array(x[0], 2);
        f[0] = x[0].multiply(x[1]).multiply(1e4).subtract(1);
        f[1] = x[0].negate().exp().add(x[1].negate().exp()).subtract(1.0001);
        return f;
    }

    public static double[][] powellBadlyScaledJ(double[] x) {
        return new double[][] {{1e4 * x[1], 1e4 * x[0]}, {-Math.exp(-x[0]), -Math.exp(-x[1])}};
    }

    // (4) Brown badly scaled: f1 = x1 − 10⁶, f2 = x2 − 2·10⁻⁶, f3 = x1x2 − 2
    public static <T extends RealFieldElement<T>> T[] brownBadlyScaled(T[] x) {
        T[] f = array(x[0], 3);
        f[0] = x[0].subtract(1e6);
        f[1] = x[1].subtract(2e-6);
        f[2] = x[0].multiply(x[1]).subtract(2);
        return f;
    }

    public static double[][] brownBadlyScaledJ(double[] x) {
        return new double[][] {{1, 0}, {0, 1}, {x[1], x[0]}};
    }

    // (5) Beale: f_i = y_i − x1(1 − x2^i), y = (1.5, 2.25, 2.625)
    private static final double[] BEALE_Y = {1.5, 2.25, 2.625};

    public static <T extends RealFieldElement<T>> T[] beale(T[] x) {
        T[] f = array(x[0], 3);
        for (int i = 1; i <= 3; i++) {
            f[i - 1] = x[0].multiply(x[1].pow(i).negate().add(1)).negate().add(BEALE_Y[i - 1]);
        }
        return f;
    }

    public static double[][] bealeJ(double[] x) {
        double[][] j = new double[3][];
        for (int i = 1; i <= 3; i++) {
            j[i - 1] = new double[] {-(1 - Math.pow(x[1], i)), x[0] * i * Math.pow(x[1], i - 1)};
        }
        return j;
    }

    // (6) Jennrich-Sampson, m = 10: f_i = 2 + 2i − (e^{i·x1} + e^{i·x2})
    public static <T extends RealFieldElement<T>> T[] jennrichSampson(T[] x) {
        T[] f = array(x[0], 10);
        for (int i = 1; i <= 10; i++) {
            f[i - 1] = x[0].multiply(i).exp().add(x[1].multiply(i).exp()).negate().add(2 + 2 * i);
        }
        return f;
    }

    public static double[][] jennrichSampsonJ(double[] x) {
        double[][] j = new double[10][];
        for (int i = 1; i <= 10; i++) {
            j[i - 1] = new double[] {-i * Math.exp(i * x[0]), -i * Math.exp(i * x[1])};
        }
        return j;
    }

    // (7) Helical valley: θ = atan2(x2, x1)/2π, f1 = 10(x3 − 10θ), f2 = 10(r − 1), f3 = x3. The paper's
    // θ = atan(x2/x1)/2π (+½ for x1 < 0) equals this for x2 ≥ 0 and differs by a constant 1 for
    // x1 < 0 < −x2: same Jacobian, and no branch on a value, so a recording replays across x1 = 0.
    public static <T extends RealFieldElement<T>> T[] helicalValley(T[] x) {
        T theta = x[1].atan2(x[0]).divide(2 * Math.PI);
        T[] f = array(x[0], 3);
        f[0] = x[2].subtract(theta.multiply(10)).multiply(10);
        f[1] = x[0].multiply(x[0]).add(x[1].multiply(x[1])).sqrt().subtract(1).multiply(10);
        f[2] = x[2];
        return f;
    }

    public static double[][] helicalValleyJ(double[] x) {
        double r2 = x[0] * x[0] + x[1] * x[1];
        double r = Math.sqrt(r2);
        double dt1 = -x[1] / (2 * Math.PI * r2);
        double dt2 = x[0] / (2 * Math.PI * r2);
        return new double[][] {{-100 * dt1, -100 * dt2, 10}, {10 * x[0] / r, 10 * x[1] / r, 0}, {0, 0, 1}};
    }

    // (8) Bard, m = 15: f_i = y_i − (x1 + u/(v·x2 + w·x3)), u = i, v = 16 − i, w = min(u, v)
    private static final double[] BARD_Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73,
        0.96, 1.34, 2.10, 4.39};

    public static <T extends RealFieldElement<T>> T[] bard(T[] x) {
        T[] f = array(x[0], 15);
        for (int i = 1; i <= 15; i++) {
            int u = i;
            int v = 16 - i;
            int w = Math.min(u, v);
            f[i - 1] = x[0].add(x[1].multiply(v).add(x[2].multiply(w)).reciprocal().multiply(u))
                    .negate().add(BARD_Y[i - 1]);
        }
        return f;
    }

    public static double[][] bardJ(double[] x) {
        double[][] j = new double[15][];
        for (int i = 1; i <= 15; i++) {
            double u = i;
            double v = 16 - i;
            double w = Math.min(u, v);
            double d = v * x[1] + w * x[2];
            j[i - 1] = new double[] {-1, u * v / (d * d), u * w / (d * d)};
        }
        return j;
    }

    // (9) Gaussian, m = 15: f_i = x1·exp(−x2(t_i − x3)²/2) − y_i, t_i = (8 − i)/2
    private static final double[] GAUSSIAN_Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
        0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    public static <T extends RealFieldElement<T>> T[] gaussian(T[] x) {
        T[] f = array(x[0], 15);
        for (int i = 1; i <= 15; i++) {
            double t = (8 - i) / 2.0;
            T d = x[2].negate().add(t);
            f[i - 1] = x[0].multiply(x[1].multiply(d.multiply(d)).multiply(-0.5).exp()).subtract(GAUSSIAN_Y[i - 1]);
        }
        return f;
    }

    public static double[][] gaussianJ(double[] x) {
        double[][] j = new double[15][];
        for (int i = 1; i <= 15; i++) {
            double d = (8 - i) / 2.0 - x[2];
            double e = Math.exp(-0.5 * x[1] * d * d);
            j[i - 1] = new double[] {e, -0.5 * x[0] * e * d * d, x[0] * e * x[1] * d};
        }
        return j;
    }

    // (10) Meyer, m = 16: f_i = x1·exp(x2/(t_i + x3)) − y_i, t_i = 45 + 5i
    private static final double[] MEYER_Y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030,
        6005, 5147, 4427, 3820, 3307, 2872};

    public static <T extends RealFieldElement<T>> T[] meyer(T[] x) {
        T[] f = array(x[0], 16);
        for (int i = 1; i <= 16; i++) {
            f[i - 1] = x[0].multiply(x[1].divide(x[2].add(45 + 5 * i)).exp()).subtract(MEYER_Y[i - 1]);
        }
        return f;
    }

    public static double[][] meyerJ(double[] x) {
        double[][] j = new double[16][];
        for (int i = 1; i <= 16; i++) {
            double d = 45 + 5 * i + x[2];
            double e = Math.exp(x[1] / d);
            j[i - 1] = new double[] {e, x[0] * e / d, -x[0] * e * x[1] / (d * d)};
        }
        return j;
    }

    // (12) Box 3-D, m = 10: f_i = e^{−t x1} − e^{−t x2} − x3(e^{−t} − e^{−10t}), t = 0.1i
    public static <T extends RealFieldElement<T>> T[] box3d(T[] x) {
        T[] f = array(x[0], 10);
        for (int i = 1; i <= 10; i++) {
            double t = 0.1 * i;
            f[i - 1] = x[0].multiply(-t).exp().subtract(x[1].multiply(-t).exp())
                    .subtract(x[2].multiply(Math.exp(-t) - Math.exp(-10 * t)));
        }
        return f;
    }

    public static double[][] box3dJ(double[] x) {
        double[][] j = new double[10][];
        for (int i = 1; i <= 10; i++) {
            double t = 0.1 * i;
            j[i - 1] = new double[] {-t * Math.exp(-t * x[0]), t * Math.exp(-t * x[1]), -(Math.exp(-t) - Math.exp(-10 * t))};
        }
        return j;
    }

    // (13) Powell singular: f1 = x1 + 10x2, f2 = √5(x3 − x4), f3 = (x2 − 2x3)², f4 = √10(x1 − x4)²
    public static <T extends RealFieldElement<T>> T[] powellSingular(T[] x) {
        T[] f = array(x[0], 4);
        f[0] = x[0].add(x[1].multiply(10));
        f[1] = x[2].subtract(x[3]).multiply(Math.sqrt(5));
        f[2] = x[1].subtract(x[2].multiply(2)).pow(2);
        f[3] = x[0].subtract(x[3]).pow(2).multiply(Math.sqrt(10));
        return f;
    }

    public static double[][] powellSingularJ(double[] x) {
        double a = x[1] - 2 * x[2];
        double b = x[0] - x[3];
        double s5 = Math.sqrt(5);
        double s10 = Math.sqrt(10);
        return new double[][] {{1, 10, 0, 0}, {0, 0, s5, -s5}, {0, 2 * a, -4 * a, 0}, {2 * s10 * b, 0, 0, -2 * s10 * b}};
    }

    // (14) Wood: f1 = 10(x2 − x1²), f2 = 1 − x1, f3 = √90(x4 − x3²), f4 = 1 − x3,
    //      f5 = √10(x2 + x4 − 2), f6 = (x2 − x4)/√10
    public static <T extends RealFieldElement<T>> T[] wood(T[] x) {
        T[] f = array(x[0], 6);
        f[0] = x[1].subtract(x[0].multiply(x[0])).multiply(10);
        f[1] = x[0].negate().add(1);
        f[2] = x[3].subtract(x[2].multiply(x[2])).multiply(Math.sqrt(90));
        f[3] = x[2].negate().add(1);
        f[4] = x[1].add(x[3]).subtract(2).multiply(Math.sqrt(10));
        f[5] = x[1].subtract(x[3]).divide(Math.sqrt(10));
        return f;
    }

    public static double[][] woodJ(double[] x) {
        double s90 = Math.sqrt(90);
        double s10 = Math.sqrt(10);
        return new double[][] {{-20 * x[0], 10, 0, 0}, {-1, 0, 0, 0}, {0, 0, -2 * s90 * x[2], s90}, {0, 0, -1, 0},
            {0, s10, 0, s10}, {0, 1 / s10, 0, -1 / s10}};
    }

    // (15) Kowalik-Osborne, m = 11: f_i = y_i − x1(u² + u·x2)/(u² + u·x3 + x4)
    private static final double[] KO_Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323,
        0.0235, 0.0246};
    private static final double[] KO_U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};

    public static <T extends RealFieldElement<T>> T[] kowalikOsborne(T[] x) {
        T[] f = array(x[0], 11);
        for (int i = 0; i < 11; i++) {
            double u = KO_U[i];
            T num = x[1].multiply(u).add(u * u);
            T den = x[2].multiply(u).add(u * u).add(x[3]);
            f[i] = x[0].multiply(num).divide(den).negate().add(KO_Y[i]);
        }
        return f;
    }

    public static double[][] kowalikOsborneJ(double[] x) {
        double[][] j = new double[11][];
        for (int i = 0; i < 11; i++) {
            double u = KO_U[i];
            double num = u * u + u * x[1];
            double den = u * u + u * x[2] + x[3];
            j[i] = new double[] {-num / den, -x[0] * u / den, x[0] * num * u / (den * den), x[0] * num / (den * den)};
        }
        return j;
    }

    // (16) Brown-Dennis, m = 20: f_i = (x1 + t x2 − e^t)² + (x3 + x4 sin t − cos t)², t = i/5
    public static <T extends RealFieldElement<T>> T[] brownDennis(T[] x) {
        T[] f = array(x[0], 20);
        for (int i = 1; i <= 20; i++) {
            double t = i / 5.0;
            T a = x[0].add(x[1].multiply(t)).subtract(Math.exp(t));
            T b = x[2].add(x[3].multiply(Math.sin(t))).subtract(Math.cos(t));
            f[i - 1] = a.multiply(a).add(b.multiply(b));
        }
        return f;
    }

    public static double[][] brownDennisJ(double[] x) {
        double[][] j = new double[20][];
        for (int i = 1; i <= 20; i++) {
            double t = i / 5.0;
            double a = x[0] + t * x[1] - Math.exp(t);
            double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
            j[i - 1] = new double[] {2 * a, 2 * a * t, 2 * b, 2 * b * Math.sin(t)};
        }
        return j;
    }

    // (18) Biggs EXP6, m = 13: f_i = x3 e^{−t x1} − x4 e^{−t x2} + x6 e^{−t x5} − y_i, t = 0.1i,
    //      y_i = e^{−t} − 5e^{−10t} + 3e^{−4t}
    public static <T extends RealFieldElement<T>> T[] biggsExp6(T[] x) {
        T[] f = array(x[0], 13);
        for (int i = 1; i <= 13; i++) {
            double t = 0.1 * i;
            double y = Math.exp(-t) - 5 * Math.exp(-10 * t) + 3 * Math.exp(-4 * t);
            f[i - 1] = x[2].multiply(x[0].multiply(-t).exp()).subtract(x[3].multiply(x[1].multiply(-t).exp()))
                    .add(x[5].multiply(x[4].multiply(-t).exp())).subtract(y);
        }
        return f;
    }

    public static double[][] biggsExp6J(double[] x) {
        double[][] j = new double[13][];
        for (int i = 1; i <= 13; i++) {
            double t = 0.1 * i;
            double e1 = Math.exp(-t * x[0]);
            double e2 = Math.exp(-t * x[1]);
            double e5 = Math.exp(-t * x[4]);
            j[i - 1] = new double[] {-t * x[2] * e1, t * x[3] * e2, e1, -e2, -t * x[5] * e5, e5};
        }
        return j;
    }

    // (21) Extended Rosenbrock, n even: f_{2i−1} = 10(x_{2i} − x_{2i−1}²), f_{2i} = 1 − x_{2i−1}
    public static <T extends RealFieldElement<T>> T[] extendedRosenbrock(T[] x) {
        T[] f = array(x[0], x.length);
        for (int i = 0; i < x.length; i += 2) {
            f[i] = x[i + 1].subtract(x[i].multiply(x[i])).multiply(10);
            f[i + 1] = x[i].negate().add(1);
        }
        return f;
    }

    public static double[][] extendedRosenbrockJ(double[] x) {
        double[][] j = new double[x.length][x.length];
        for (int i = 0; i < x.length; i += 2) {
            j[i][i] = -20 * x[i];
            j[i][i + 1] = 10;
            j[i + 1][i] = -1;
        }
        return j;
    }
}
