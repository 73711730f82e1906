package dev.wengert.forward;

import dev.wengert.core.Rules;

/**
 * The tangent arithmetic of {@link DualVector} on <i>ranges</i>: a tangent vector b ∈ R<sup>k</sup>
 * is stored as the slice b[lo, lo + w) in an array of length w, every tangent outside that range
 * being exactly +0.0. These helpers combine slices as if the full k-vectors were combined, index by
 * index, by the formulas of {@code DualVector}'s {@code compose}: f1·b<sub>i</sub> + 0.0, or
 * f<sub>x</sub>·b<sub>i</sub> + f<sub>y</sub>·d<sub>i</sub> + 0.0 with finite nonzero partials,
 * and {@link Rules#chain} terms otherwise (a zero partial gives 0 even beside an infinite tangent).
 *
 * <p><b>Why this is exact.</b> Outside both ranges the full formula gives +0.0 (a finite partial
 * times +0.0 is ±0, and {@code + 0.0} makes it +0; {@link Rules#chain} of a zero is 0), so the
 * result's range is the union of the operands' ranges and its invariant holds. Inside the union
 * but outside one operand's range, that operand's term is a ±0 (or {@code chain}'s 0), and
 * x + (±0) + 0.0 equals x + 0.0 bit for bit for every x, NaN and ±∞ included; so the term can be
 * skipped, and each tangent of the result is written once: f<sub>x</sub>·b<sub>i</sub> + 0.0 where
 * only b reaches, f<sub>y</sub>·d<sub>i</sub> + 0.0 where only d does, the full sum where both do. Hence results are bit-identical to the dense computation over all k tangents.
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
        if (Double.isFinite(f1) && f1 != 0) {
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
        if (Double.isFinite(fx) && Double.isFinite(fy) && fx != 0 && fy != 0) {
            if (bLo == dLo && b.length == d.length) {
                for (int i = 0; i < w; i++) {
                    t[i] = fx * b[i] + fy * d[i] + 0.0;
                }
                return t;
            }
            // each tangent written once: b only, d only, both (the overlap); a gap stays +0.0
            int bOff = bLo - lo;
            int bEnd = bOff + b.length;
            int dOff = dLo - lo;
            int dEnd = dOff + d.length;
            int from = Math.max(bOff, dOff);
            int to = Math.min(bEnd, dEnd);
            if (from >= to) {
                scaleInto(fx, b, t, bOff, 0, b.length);
                scaleInto(fy, d, t, dOff, 0, d.length);
                return t;
            }
            scaleInto(fx, b, t, bOff, 0, from - bOff);
            scaleInto(fx, b, t, bOff, to - bOff, b.length);
            scaleInto(fy, d, t, dOff, 0, from - dOff);
            scaleInto(fy, d, t, dOff, to - dOff, d.length);
            for (int j = from; j < to; j++) {
                t[j] = fx * b[j - bOff] + fy * d[j - dOff] + 0.0;
            }
        } else {
            for (int i = 0; i < w; i++) {
                int j = lo + i;
                t[i] = Rules.chain(fx, at(b, bLo, j)) + Rules.chain(fy, at(d, dLo, j));
            }
        }
        return t;
    }

    /** t[off + i] = f·b[i] + 0.0 for i in [from, to): f finite and nonzero, so exactly {@link Rules#chain}'s term. */
    private static void scaleInto(double f, double[] b, double[] t, int off, int from, int to) {
        for (int i = from; i < to; i++) {
            t[off + i] = f * b[i] + 0.0;
        }
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
