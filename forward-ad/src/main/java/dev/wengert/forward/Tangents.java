package dev.wengert.forward;

import dev.wengert.core.Rules;

/**
 * The tangent arithmetic of {@link DualVector} on <i>ranges</i>: a tangent vector b ∈ R<sup>k</sup>
 * is stored as the slice b[lo, lo + w) in an array of length w, every tangent outside that range
 * being exactly +0.0. These helpers combine slices as if the full k-vectors were combined, index by
 * index, by the formulas of {@code DualVector}'s {@code compose}: f1·b<sub>i</sub> + 0.0, or
 * f<sub>x</sub>·b<sub>i</sub> + f<sub>y</sub>·d<sub>i</sub> + 0.0 with finite partials, and
 * {@link Rules#chain} terms otherwise.
 *
 * <p><b>Why this is exact.</b> Outside both ranges the full formula gives +0.0 (a finite partial
 * times +0.0 is ±0, and {@code + 0.0} makes it +0; {@link Rules#chain} of a zero is 0), so the
 * result's range is the union of the operands' ranges and its invariant holds. Inside the union
 * but outside one operand's range, that operand's term is a ±0 (or {@code chain}'s 0), and
 * x + (±0) + 0.0 equals x + 0.0 bit for bit for every x, NaN and ±∞ included; so the term can be
 * skipped. Hence results are bit-identical to the dense computation over all k tangents.
 */
final class Tangents {

    /** The tangent slice of a constant: empty (every tangent is +0.0). */
    static final double[] NONE = new double[0];

    private Tangents() {
    }

    /** @return f1·b over b's range, each product +0 where {@link Rules#chain} would give it */
    static double[] scale(double f1, double[] b) {
        int w = b.length;
        double[] t = new double[w];
        if (Double.isFinite(f1)) {
            for (int i = 0; i < w; i++) {
                t[i] = f1 * b[i] + 0.0;
            }
        } else {
            for (int i = 0; i < w; i++) {
                t[i] = Rules.chain(f1, b[i]);
            }
        }
        return t;
    }

    /**
     * fx·b + fy·d over the range [lo, lo + w), the union of b's range [bLo, bLo + b.length) and
     * d's range [dLo, dLo + d.length); both non-empty.
     */
    static double[] combine(double fx, double[] b, int bLo, double fy, double[] d, int dLo, int lo, int w) {
        double[] t = new double[w];
        if (Double.isFinite(fx) && Double.isFinite(fy)) {
            if (bLo == dLo && b.length == d.length) {
                for (int i = 0; i < w; i++) {
                    t[i] = fx * b[i] + fy * d[i] + 0.0;
                }
                return t;
            }
            int bOff = bLo - lo;
            for (int i = 0; i < b.length; i++) {
                t[bOff + i] = fx * b[i];
            }
            int dOff = dLo - lo;
            for (int i = 0; i < d.length; i++) {
                t[dOff + i] += fy * d[i];
            }
            for (int i = 0; i < w; i++) {
                t[i] += 0.0;
            }
        } else {
            for (int i = 0; i < w; i++) {
                int j = lo + i;
                t[i] = Rules.chain(fx, at(b, bLo, j)) + Rules.chain(fy, at(d, dLo, j));
            }
        }
        return t;
    }

    /** @return the j-th tangent of the slice b starting at lo: b[j − lo] in range, else +0.0 */
    static double at(double[] b, int lo, int j) {
        int i = j - lo;
        return i >= 0 && i < b.length ? b[i] : 0.0;
    }

    /** @return the full k-vector of the slice b starting at lo (a fresh array) */
    static double[] expand(double[] b, int lo, int k) {
        double[] full = new double[k];
        System.arraycopy(b, 0, full, lo, b.length);
        return full;
    }
}
