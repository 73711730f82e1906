package dev.wengert.core.testing;

import dev.wengert.core.Functions;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * The seed article's examples and extended Rosenbrock, written once, generic, with their derivatives
 * by hand: a fixture shared by every mode's tests (ad-core's test-jar).
 */
public final class Seed {

    private Seed() {
    }

    /** c = a·b. */
    public static <T extends RealFieldElement<T>> T product(T[] v) {
        return v[0].multiply(v[1]);
    }

    /** z = x·y + x². */
    public static <T extends RealFieldElement<T>> T xyPlusXSquared(T[] v) {
        return v[0].multiply(v[1]).add(Functions.square(v[0]));
    }

    /** a2 = σ(w2·relu(w1·x + b1) + b2), inputs (x, w1, b1, w2, b2). */
    public static <T extends RealFieldElement<T>> T twoLayer(T[] v) {
        T x = v[0];
        T w1 = v[1];
        T b1 = v[2];
        T w2 = v[3];
        T b2 = v[4];
        T a1 = Functions.relu(w1.multiply(x).add(b1));
        return Functions.sigmoid(w2.multiply(a1).add(b2));
    }

    /** Extended Rosenbrock: Σ 100(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})². */
    public static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i += 2) {
            T a = x[i + 1].subtract(x[i].multiply(x[i]));
            T b = x[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        return sum;
    }

    /** Its gradient, by hand. */
    public static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] = -400 * a * x[i] - 2 * (1 - x[i]);
            g[i + 1] = 200 * a;
        }
        return g;
    }

    /** Its Hessian, by hand. */
    public static double[][] rosenbrockHessian(double[] x) {
        double[][] h = new double[x.length][x.length];
        for (int i = 0; i + 1 < x.length; i += 2) {
            h[i][i] = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i][i + 1] = h[i + 1][i] = -400 * x[i];
            h[i + 1][i + 1] = 200;
        }
        return h;
    }

    /** (x0·cos x1, x0·sin x1, x0·x1·x2) — a small vector function. */
    public static <T extends RealFieldElement<T>> T[] polar(T[] x) {
        T[] y = MathArrays.buildArray(x[0].getField(), 3);
        y[0] = x[0].multiply(x[1].cos());
        y[1] = x[0].multiply(x[1].sin());
        y[2] = x[0].multiply(x[1]).multiply(x[2]);
        return y;
    }

    public static double[][] polarJacobian(double[] x) {
        return new double[][] {
            {FastMath.cos(x[1]), -x[0] * FastMath.sin(x[1]), 0},
            {FastMath.sin(x[1]), x[0] * FastMath.cos(x[1]), 0},
            {x[1] * x[2], x[0] * x[2], x[0] * x[1]},
        };
    }

    /** σ′(10.5) = σ(10.5)·(1 − σ(10.5)): the two-layer network's sensitivity to its last affine input. */
    public static double sigmoidPrimeAt10_5() {
        double e = Math.exp(-10.5);
        return e / ((1 + e) * (1 + e));   // σ(1 − σ) without the cancellation in 1 − σ
    }
}
