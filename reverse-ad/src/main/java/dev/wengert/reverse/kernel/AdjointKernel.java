package dev.wengert.reverse.kernel;

import java.util.Arrays;

/**
 * The adjoint sweep, the one loop every mode runs backward over stored partials: entries in
 * decreasing order, and for an entry with adjoint v̄ᵢ ≠ 0, for each operand u (in operand order)
 *
 * <pre>
 * ū += term(∂vᵢ/∂u, v̄ᵢ)
 * </pre>
 *
 * Adjoints accumulate, so a reused value (x·x, or an operand of many entries) is right. The zero
 * rule: an entry whose adjoint is 0 is skipped, so a zero adjoint never meets an infinite or NaN
 * partial, and {@link #term} makes a zero partial's term 0 even beside an infinite or NaN adjoint.
 * With a compiled {@link SlotMap} an entry's slot is zeroed once it is propagated (the slot's next
 * holder, earlier on the tape, accumulates later in the loop).
 *
 * <p>The block form sweeps w directions at once, slot-major ({@code a[slot·w + c]}); each direction
 * gets the scalar form's terms in the same order (a finite partial times a zero adjoint adds ±0,
 * which changes no adjoint but a −0 one), so its result is the scalar sweep's whatever w is.
 */
public final class AdjointKernel {

    private AdjointKernel() {
    }

    /**
     * p·a for a nonzero adjoint a, but 0 where p = 0 and a is ±∞ or NaN ({@code Rules.chain}'s
     * zero rule); where p = 0 and a is finite, p·a is ±0, which adds nothing to a sum started at
     * +0, so the result is the plain product's bit for bit.
     *
     * @param p a local partial
     * @param a a nonzero adjoint
     * @return the term p·a under the zero rule
     */
    public static double term(double p, double a) {
        double c = p * a;
        return c == c || p != 0 ? c : 0;
    }

    /**
     * One direction.
     *
     * @param e the entries
     * @param s where the adjoints live
     * @param a per slot, the adjoint: seeded at the live-outs; accumulated in place
     * @param from the highest entry that may hold a nonzero adjoint (at most {@code s.end − 1})
     */
    public static void scalar(Entries e, SlotMap s, double[] a, int from) {
        final byte[] op = e.op;
        final int[] args = e.args;
        final double[] partials = e.partials;
        final byte[] kind = OpCodes.KIND;
        final int[] es = s.entrySlot;
        final int[] as = s.argSlot;
        final int ab = s.argBase;
        final boolean reuse = s.reuse;
        final int first = s.first;
        for (int i = from; i >= first; i--) {
            int slot = es == null ? i : es[i - first];
            if (slot < 0) {
                continue;
            }
            double bar = a[slot];
            if (bar == 0) {
                continue;
            }
            int p = 2 * i;
            int k = kind[op[i]];
            if (k == OpCodes.LEAF) {
                continue;
            }
            if (reuse) {
                a[slot] = 0;
            }
            if (k == OpCodes.ONE) {
                a[as[p - ab]] += term(partials[p], bar);
            } else if (k == OpCodes.TWO) {
                a[as[p - ab]] += term(partials[p], bar);
                a[as[p + 1 - ab]] += term(partials[p + 1], bar);
            } else {
                final int[] ns = s.narySlot;
                final double[] np = e.naryPartials;
                final int nb = s.naryBase;
                for (int q = args[p], stop = q + args[p + 1]; q < stop; q++) {
                    a[ns[q - nb]] += term(np[q], bar);
                }
            }
        }
    }

    /**
     * w directions, slot-major.
     *
     * @param e the entries
     * @param s where the adjoints live
     * @param a {@code s.slots · w}: seeded at the live-outs; accumulated in place
     * @param w the number of directions
     */
    public static void block(Entries e, SlotMap s, double[] a, int w) {
        final byte[] op = e.op;
        final int[] args = e.args;
        final double[] partials = e.partials;
        final byte[] kind = OpCodes.KIND;
        final int[] es = s.entrySlot;
        final int[] as = s.argSlot;
        final int ab = s.argBase;
        final boolean reuse = s.reuse;
        final int first = s.first;
        for (int i = s.end - 1; i >= first; i--) {
            int slot = es == null ? i : es[i - first];
            if (slot < 0) {
                continue;
            }
            int p = 2 * i;
            int base = slot * w;
            switch (kind[op[i]]) {
                case OpCodes.ONE:
                    edge(a, base, as[p - ab] * w, partials[p], w);
                    break;
                case OpCodes.TWO: {
                    double pu = partials[p];
                    double pv = partials[p + 1];
                    int du = as[p - ab] * w;
                    int dv = as[p + 1 - ab] * w;
                    if (pu != 0 && pv != 0 && Double.isFinite(pu) && Double.isFinite(pv)) {
                        for (int c = 0; c < w; c++) {
                            double bar = a[base + c];
                            a[du + c] += pu * bar;
                            a[dv + c] += pv * bar;
                        }
                    } else {
                        edge(a, base, du, pu, w);
                        edge(a, base, dv, pv, w);
                    }
                    break;
                }
                case OpCodes.MANY: {
                    final int[] ns = s.narySlot;
                    final double[] np = e.naryPartials;
                    final int nb = s.naryBase;
                    for (int q = args[p], stop = q + args[p + 1]; q < stop; q++) {
                        edge(a, base, ns[q - nb] * w, np[q], w);
                    }
                    break;
                }
                default:
                    continue;
            }
            if (reuse) {
                Arrays.fill(a, base, base + w, 0);
            }
        }
    }

    /** ū += term(p, v̄) in every direction where v̄ ≠ 0. */
    private static void edge(double[] a, int base, int dst, double p, int w) {
        if (p == 0) {
            return;
        }
        if (Double.isFinite(p)) {
            for (int c = 0; c < w; c++) {
                a[dst + c] += p * a[base + c];
            }
        } else {
            for (int c = 0; c < w; c++) {
                double bar = a[base + c];
                if (bar != 0) {
                    a[dst + c] += p * bar;
                }
            }
        }
    }
}
