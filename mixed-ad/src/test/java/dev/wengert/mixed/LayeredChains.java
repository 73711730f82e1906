package dev.wengert.mixed;

import dev.wengert.core.VectorFunction;
import java.util.Arrays;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * Compositions of layers of chosen widths, for plans with many segments: input j is first scaled
 * by s<sub>j</sub> (from 10<sup>−9</sup> to 10<sup>3</sup>, so the Jacobian's columns differ by
 * twelve orders of magnitude), then each layer maps width a to width b — node o the weighted sum
 * (weights about 1/√count) of its inputs (all of them when a or b is at most 16, else a band
 * around o·a/b), followed by
 * {@code depth} rounds of h ← h + c·sin(h) (or the cosine; c about 1/4, so each round's
 * derivative lies in [3/4, 5/4]); the outputs are scaled by {@value #OUTPUT_SCALE}. A narrow layer
 * is a waist where the live set is small and the cutter cuts.
 */
final class LayeredChains {

    /** Each output is multiplied by this, so the largest columns are about 1e3. */
    static final double OUTPUT_SCALE = 100;

    private LayeredChains() {
    }

    /** R²⁵⁶ → 64 (cheap) → 16 → 16 (both long) → R²⁵⁶: a product in the middle of the plan, pulled back. */
    static VectorFunction pulledProduct() {
        return of(new int[] {256, 64, 16, 16, 256}, new int[] {0, 0, 20, 20, 4});
    }

    /** R²⁵⁶ → 16 → 16 (both long) → 64 → R²⁵⁶ (cheap): a product in the middle of the plan, pushed on. */
    static VectorFunction pushedProduct() {
        return of(new int[] {256, 16, 16, 64, 256}, new int[] {4, 20, 20, 0, 0});
    }

    /** R²⁵⁶ → 256 → 64 → 16 → 16 → R²⁵⁶: pulls, pushes, and a last product of 256 × 16 by 16 × 256. */
    static VectorFunction wideLastProduct() {
        return of(new int[] {256, 256, 64, 16, 16, 256}, new int[] {0, 0, 2, 4, 8, 4});
    }

    /** Scale of column j: 10^(−9 + 12·((5j) mod 13)/12), from 1e-9 to 1e3, neighbours far apart. */
    static double columnScale(int j) {
        return Math.pow(10, -9 + 12 * ((5 * j) % 13) / 12.0);
    }

    /** A point whose scaled inputs x_j·s_j are of order one. */
    static double[] point(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = (0.4 + 0.5 * Math.sin(0.37 * j + 0.1)) / columnScale(j);
        }
        return x;
    }

    /**
     * @param widths the layer widths, the first the number of inputs n, the last of the outputs m
     * @param depths the rounds of each layer after its sum (depths[0] for the inputs, after scaling)
     * @return the function
     */
    static VectorFunction of(int[] widths, int[] depths) {
        int[] w = widths.clone();
        int[] d = depths.clone();
        if (w.length != d.length) {
            throw new IllegalArgumentException("widths " + Arrays.toString(w) + " and depths " + Arrays.toString(d));
        }
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] a = MathArrays.buildArray(x[0].getField(), x.length);
                for (int j = 0; j < x.length; j++) {
                    a[j] = rounds(x[j].multiply(columnScale(j)), d[0], 0, j);
                }
                for (int layer = 1; layer < w.length; layer++) {
                    a = layer(a, w[layer], d[layer], layer);
                }
                for (int i = 0; i < a.length; i++) {
                    a[i] = a[i].multiply(OUTPUT_SCALE);
                }
                return a;
            }
        };
    }

    private static <T extends RealFieldElement<T>> T[] layer(T[] a, int b, int depth, int layer) {
        T[] next = MathArrays.buildArray(a[0].getField(), b);
        boolean dense = a.length <= 16 || b <= 16;
        int band = Math.max(3, (a.length + b - 1) / b + 2);
        for (int o = 0; o < b; o++) {
            T sum = null;
            int from = dense ? 0 : (int) ((long) o * a.length / b) - band / 2;
            int count = dense ? a.length : band;
            double norm = 1 / Math.sqrt(count);
            for (int t = 0; t < count; t++) {
                int q = Math.floorMod(from + t, a.length);
                T term = a[q].multiply(norm * (0.6 + 0.35 * Math.sin(1.3 * layer + 0.7 * o + 0.31 * q)));
                sum = sum == null ? term : sum.add(term);
            }
            next[o] = rounds(sum, depth, layer, o);
        }
        return next;
    }

    private static <T extends RealFieldElement<T>> T rounds(T h, int depth, int layer, int o) {
        for (int r = 0; r < depth; r++) {
            double c = 0.25 + 0.01 * ((o + r + layer) % 7);
            h = h.add(((r + layer) % 2 == 0 ? h.sin() : h.cos()).multiply(c));
        }
        return h;
    }
}
