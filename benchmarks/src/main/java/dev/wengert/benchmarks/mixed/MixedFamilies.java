package dev.wengert.benchmarks.mixed;

import dev.wengert.core.testing.Families;
import org.apache.commons.math3.util.FastMath;

/**
 * The {@code double} baselines of mixed mode's families: the same operations in the same order as
 * the generic functions in ad-core's test fixtures {@link Families} (which the tests use too).
 */
public final class MixedFamilies {

    private MixedFamilies() {
    }

    /** {@link Families#bottleneck(int)} on {@code double}: the same operations in the same order (the ratio baseline). */
    public static double[] bottleneckPlain(int k, double[] x) {
        int n = x.length;
        double[] z = new double[k];
        for (int j = 0; j < n; j++) {
            double h = x[j];
            for (int r = 0; r < 5; r++) {
                h = FastMath.sin(h) * 0.9 + h * (0.3 + 0.01 * r);
            }
            for (int l = 0; l < k; l++) {
                double term = h * (1.0 + 0.1 * ((j + 3 * l) % 7));
                z[l] = j == 0 ? term : z[l] + term;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) {
                double term = z[l] * (0.5 + 0.05 * ((i + 2 * l) % 5));
                s = l == 0 ? term : s + term;
            }
            for (int r = 0; r < 5; r++) {
                s = FastMath.cos(s) * 0.7 + s * (0.2 + 0.01 * (i % 3));
            }
            y[i] = s;
        }
        return y;
    }

    /** {@link Families#mlp(int...)} on {@code double} (the ratio baseline). */
    public static double[] mlpPlain(double[] x, int... widths) {
        double[] a = x;
        for (int layer = 1; layer < widths.length; layer++) {
            double[] next = new double[widths[layer]];
            for (int o = 0; o < widths[layer]; o++) {
                double sum = a[0] * Families.weight(layer, o, 0);
                for (int q = 1; q < a.length; q++) {
                    sum = sum + a[q] * Families.weight(layer, o, q);
                }
                next[o] = FastMath.tanh(sum + 0.1 * o);
            }
            a = next;
        }
        return a;
    }

    /** {@link Families#BROYDEN} on {@code double} (the ratio baseline). */
    public static double[] broydenPlain(double[] x) {
        int n = x.length;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double fi = (x[i] * -2 + 3) * x[i] + 1;
            if (i > 0) {
                fi = fi - x[i - 1];
            }
            if (i < n - 1) {
                fi = fi - x[i + 1] * 2;
            }
            f[i] = fi;
        }
        return f;
    }
}
