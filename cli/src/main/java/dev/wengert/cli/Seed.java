package dev.wengert.cli;

import dev.wengert.core.Functions;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/** The seed article's examples, written once, generic over the number type. */
final class Seed {

    private Seed() {
    }

    /** c = a·b, inputs (a, b). */
    static <T extends RealFieldElement<T>> T product(T[] v) {
        return v[0].multiply(v[1]);
    }

    /** z = x·y + x², inputs (x, y): nodes ×, square, +. */
    static <T extends RealFieldElement<T>> T xyPlusXSquared(T[] v) {
        return v[0].multiply(v[1]).add(Functions.square(v[0]));
    }

    /** a2 = σ(w2·relu(w1·x + b1) + b2), inputs (x, w1, b1, w2, b2). */
    static <T extends RealFieldElement<T>> T twoLayer(T[] v) {
        T a1 = Functions.relu(v[1].multiply(v[0]).add(v[2]));
        return Functions.sigmoid(v[3].multiply(a1).add(v[4]));
    }

    /** The width of the bottleneck's waist. */
    static final int WAIST = 1;

    /**
     * A bottleneck f: R<sup>n</sup> → R<sup>k</sup> → R<sup>n</sup> with k = {@link #WAIST}:
     * zᵣ = Σⱼ sin(xⱼ + r)·xⱼ / n, then yᵢ = Σᵣ cos((i + 1)·zᵣ)·exp(−zᵣ). Its Jacobian has rank k;
     * mixed mode sweeps each half once and multiplies, where either pure mode sweeps the whole
     * function n times.
     */
    static <T extends RealFieldElement<T>> T[] bottleneck(T[] x) {
        int n = x.length;
        T zero = x[0].getField().getZero();
        T[] z = MathArrays.buildArray(x[0].getField(), WAIST);
        for (int r = 0; r < WAIST; r++) {
            T sum = zero;
            for (int j = 0; j < n; j++) {
                sum = sum.add(x[j].add(r).sin().multiply(x[j]));
            }
            z[r] = sum.divide(n);
        }
        T[] y = MathArrays.buildArray(x[0].getField(), n);
        for (int i = 0; i < n; i++) {
            T acc = zero;
            for (int r = 0; r < WAIST; r++) {
                acc = acc.add(z[r].multiply(i + 1).cos().multiply(z[r].negate().exp()));
            }
            y[i] = acc;
        }
        return y;
    }

    /** {@link #bottleneck} on plain doubles, the baseline of {@code bench}. */
    static double[] bottleneck(double[] x) {
        int n = x.length;
        double[] z = new double[WAIST];
        for (int r = 0; r < WAIST; r++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.sin(x[j] + r) * x[j];
            }
            z[r] = sum / n;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int r = 0; r < WAIST; r++) {
                acc += Math.cos(z[r] * (i + 1)) * Math.exp(-z[r]);
            }
            y[i] = acc;
        }
        return y;
    }

    /**
     * @param n the number of inputs
     * @return the bottleneck's point: xⱼ = 0.5 + j/n
     */
    static double[] bottleneckPoint(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = 0.5 + (double) j / n;
        }
        return x;
    }

    /** Extended Rosenbrock, f(x) = Σ 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², n even. */
    static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i += 2) {
            T a = x[i + 1].subtract(x[i].multiply(x[i]));
            T b = x[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        return sum;
    }

    /** {@link #rosenbrock} on plain doubles. */
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** {@link #twoLayer} on plain doubles. */
    static double twoLayer(double[] v) {
        double a1 = Math.max(0, v[1] * v[0] + v[2]);
        return 1 / (1 + Math.exp(-(v[3] * a1 + v[4])));
    }
}
