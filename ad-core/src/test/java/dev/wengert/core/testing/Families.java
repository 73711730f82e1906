package dev.wengert.core.testing;

import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * Mixed mode's families, written once for its tests and its benchmarks: the bottleneck family, a
 * deep autoencoder MLP, Broyden's tridiagonal function, and the points they are evaluated at.
 */
public final class Families {

    private Families() {
    }

    /**
     * f: R^n → R^k → R^n. Encoder: each x_j goes through 20 elementary operations to h_j, and
     * z_l = Σ_j c_lj·h_j (the k-wide waist); decoder: s_i = Σ_l d_il·z_l, then 20 operations to y_i.
     */
    public static VectorFunction bottleneck(int k) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                int n = x.length;
                T[] z = MathArrays.buildArray(x[0].getField(), k);
                for (int j = 0; j < n; j++) {
                    T h = x[j];
                    for (int r = 0; r < 5; r++) {
                        h = h.sin().multiply(0.9).add(h.multiply(0.3 + 0.01 * r));
                    }
                    for (int l = 0; l < k; l++) {
                        T term = h.multiply(1.0 + 0.1 * ((j + 3 * l) % 7));
                        z[l] = z[l] == null ? term : z[l].add(term);
                    }
                }
                T[] y = MathArrays.buildArray(x[0].getField(), n);
                for (int i = 0; i < n; i++) {
                    T s = null;
                    for (int l = 0; l < k; l++) {
                        T term = z[l].multiply(0.5 + 0.05 * ((i + 2 * l) % 5));
                        s = s == null ? term : s.add(term);
                    }
                    for (int r = 0; r < 5; r++) {
                        s = s.cos().multiply(0.7).add(s.multiply(0.2 + 0.01 * (i % 3)));
                    }
                    y[i] = s;
                }
                return y;
            }
        };
    }

    /** An MLP with tanh layers of the given widths (the first is n, the last m). */
    public static VectorFunction mlp(int... widths) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] a = x;
                for (int layer = 1; layer < widths.length; layer++) {
                    T[] next = MathArrays.buildArray(x[0].getField(), widths[layer]);
                    for (int o = 0; o < widths[layer]; o++) {
                        T sum = a[0].multiply(weight(layer, o, 0));
                        for (int q = 1; q < a.length; q++) {
                            sum = sum.add(a[q].multiply(weight(layer, o, q)));
                        }
                        next[o] = sum.add(0.1 * o).tanh();
                    }
                    a = next;
                }
                return a;
            }
        };
    }

    public static double weight(int layer, int o, int q) {
        return Math.sin(1.3 * layer + 0.7 * o + 0.31 * q) / 2;
    }

    /** Broyden tridiagonal: f_i = (3 − 2x_i)x_i − x_{i−1} − 2x_{i+1} + 1, x_0 = x_{n+1} = 0. */
    public static final VectorFunction BROYDEN = new VectorFunction() {
        @Override
        public <T extends RealFieldElement<T>> T[] value(T[] x) {
            int n = x.length;
            T[] f = MathArrays.buildArray(x[0].getField(), n);
            for (int i = 0; i < n; i++) {
                T fi = x[i].multiply(-2).add(3).multiply(x[i]).add(1);
                if (i > 0) {
                    fi = fi.subtract(x[i - 1]);
                }
                if (i < n - 1) {
                    fi = fi.subtract(x[i + 1].multiply(2));
                }
                f[i] = fi;
            }
            return f;
        }
    };

    public static double[] point(int n, double scale) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = scale * Math.sin(0.37 * j + 0.1);
        }
        return x;
    }
}
