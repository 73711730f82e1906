package dev.wengert.reverse.kernel;

import static dev.wengert.core.Rules.chain;

import java.util.Arrays;

/**
 * The tangent sweep, the one loop every mode runs forward over stored partials:
 *
 * <pre>
 * ṫᵢ = 0 + chain(p₁, ṫ₁) + chain(p₂, ṫ₂) + …     (operand order; the sum started at +0)
 * </pre>
 *
 * entries in increasing order, leaves (inputs and constants) not written. {@code Rules.chain} is
 * the zero rule: a term is exactly 0 when the partial or the tangent is 0, so a zero tangent never
 * meets an infinite or NaN partial (a path through a singular point that carries no derivative
 * contributes 0).
 *
 * <p>The block form sweeps w directions at once, slot-major ({@code t[slot·w + c]}), with a
 * <em>range</em> per slot: the directions [lo, hi) outside which its tangents are 0 (a value reached
 * from few seeded inputs has a short range). An entry's range is the union of its operands'. Within
 * it each direction gets exactly the scalar form's terms in the same order, a term whose operand is
 * outside its range being chain(p, 0) = +0: so every direction's result is the scalar sweep's bit for
 * bit, whatever w and however the directions are split into blocks. For a finite nonzero partial
 * the block form writes {@code 0 + p·ṫ}, which is {@code 0 + chain(p, ṫ)} bit for bit (a zero ṫ
 * gives ±0, and +0 + ±0 = +0) and vectorizes; a sum started at +0 is never −0, so adding ±0 changes
 * nothing.
 */
public final class TangentKernel {

    private TangentKernel() {
    }

    /**
     * One direction.
     *
     * @param e the entries
     * @param s where the tangents live
     * @param t per slot, the tangent: seeded at the live-ins (leaves), filled in for the entries
     */
    public static void scalar(Entries e, SlotMap s, double[] t) {
        final byte[] op = e.op;
        final int[] args = e.args;
        final double[] partials = e.partials;
        final byte[] kind = OpCodes.KIND;
        final int[] es = s.entrySlot;
        final int[] as = s.argSlot;
        final int ab = s.argBase;
        final int first = s.first;
        for (int i = first, end = s.end; i < end; i++) {
            int slot = es == null ? i : es[i - first];
            if (slot < 0) {
                continue;
            }
            int p = 2 * i;
            switch (kind[op[i]]) {
                case OpCodes.ONE:
                    t[slot] = 0.0 + chain(partials[p], t[as[p - ab]]);
                    break;
                case OpCodes.TWO:
                    t[slot] = (0.0 + chain(partials[p], t[as[p - ab]])) + chain(partials[p + 1], t[as[p + 1 - ab]]);
                    break;
                case OpCodes.MANY: {
                    final int[] ns = s.narySlot;
                    final double[] np = e.naryPartials;
                    final int nb = s.naryBase;
                    double sum = 0;
                    for (int k = args[p], stop = k + args[p + 1]; k < stop; k++) {
                        sum += chain(np[k], t[ns[k - nb]]);
                    }
                    t[slot] = sum;
                    break;
                }
                default:
                    break;
            }
        }
    }

    /**
     * w directions, slot-major, with direction ranges.
     *
     * @param e the entries
     * @param s where the tangents live
     * @param t {@code s.slots · w}: the live-ins' tangents seeded, in their ranges
     * @param w the number of directions
     * @param lo per slot, the first direction of its range (seeded for the live-ins, 0 elsewhere)
     * @param hi per slot, one past the last (lo = hi: all 0); both filled in for the entries
     */
    public static void block(Entries e, SlotMap s, double[] t, int w, int[] lo, int[] hi) {
        final byte[] op = e.op;
        final int[] args = e.args;
        final double[] partials = e.partials;
        final byte[] kind = OpCodes.KIND;
        final int[] es = s.entrySlot;
        final int[] as = s.argSlot;
        final int ab = s.argBase;
        final int first = s.first;
        for (int i = first, end = s.end; i < end; i++) {
            int slot = es == null ? i : es[i - first];
            if (slot < 0) {
                continue;
            }
            int p = 2 * i;
            int base = slot * w;
            switch (kind[op[i]]) {
                case OpCodes.ONE: {
                    int u = as[p - ab];
                    int from = lo[u];
                    int to = hi[u];
                    lo[slot] = from;
                    hi[slot] = to;
                    one(t, base, u * w, partials[p], from, to);
                    break;
                }
                case OpCodes.TWO: {
                    int u = as[p - ab];
                    int v = as[p + 1 - ab];
                    two(t, base, u, v, partials[p], partials[p + 1], w, lo, hi, slot);
                    break;
                }
                case OpCodes.MANY:
                    many(e, s, t, base, args[p], args[p + 1], w, lo, hi, slot);
                    break;
                default:
                    break;
            }
        }
    }

    /** ṫ = 0 + chain(p, ṫ_u) over u's range. */
    private static void one(double[] t, int base, int src, double p, int from, int to) {
        if (p != 0 && Double.isFinite(p)) {
            for (int c = from; c < to; c++) {
                t[base + c] = 0.0 + p * t[src + c];
            }
        } else {
            for (int c = from; c < to; c++) {
                t[base + c] = 0.0 + chain(p, t[src + c]);
            }
        }
    }

    /** ṫ = (0 + chain(p, ṫ_u)) + chain(q, ṫ_v) over the union of the two ranges. */
    private static void two(double[] t, int base, int u, int v, double p, double q, int w, int[] lo, int[] hi,
            int slot) {
        int lu = lo[u];
        int hu = hi[u];
        int lv = lo[v];
        int hv = hi[v];
        int from = lu >= hu ? lv : lv >= hv ? lu : Math.min(lu, lv);
        int to = lu >= hu ? hv : lv >= hv ? hu : Math.max(hu, hv);
        if (from >= to) {
            from = 0;
            to = 0;
        }
        lo[slot] = from;
        hi[slot] = to;
        int su = u * w;
        int sv = v * w;
        if (lu == from && hu == to && lv == from && hv == to && p != 0 && q != 0 && Double.isFinite(p)
                && Double.isFinite(q)) {
            for (int c = from; c < to; c++) {
                t[base + c] = (0.0 + p * t[su + c]) + q * t[sv + c];
            }
            return;
        }
        // a sum started at +0, each operand's terms added over its own range (a term outside it is
        // chain(·, 0) = +0, which changes no such sum)
        Arrays.fill(t, base + from, base + to, 0);
        add(t, base, su, p, lu, hu);
        add(t, base, sv, q, lv, hv);
    }

    /** ṫ += chain(p, ṫ_u) over [from, to), onto a sum started at +0 (never −0, so ±0 terms change nothing). */
    private static void add(double[] t, int base, int src, double p, int from, int to) {
        if (p == 0) {
            return;
        }
        if (Double.isFinite(p)) {
            for (int c = from; c < to; c++) {
                t[base + c] += p * t[src + c];
            }
        } else {
            for (int c = from; c < to; c++) {
                t[base + c] += chain(p, t[src + c]);
            }
        }
    }

    /** ṫ = 0 + Σ chain(p_k, ṫ_k): terms added over each operand's own range. */
    private static void many(Entries e, SlotMap s, double[] t, int base, int offset, int count, int w, int[] lo,
            int[] hi, int slot) {
        final int[] ns = s.narySlot;
        final double[] np = e.naryPartials;
        final int nb = s.naryBase;
        int from = w;
        int to = 0;
        for (int k = offset; k < offset + count; k++) {
            int u = ns[k - nb];
            if (lo[u] < hi[u]) {
                from = Math.min(from, lo[u]);
                to = Math.max(to, hi[u]);
            }
        }
        if (from >= to) {
            lo[slot] = 0;
            hi[slot] = 0;
            return;
        }
        lo[slot] = from;
        hi[slot] = to;
        Arrays.fill(t, base + from, base + to, 0);
        for (int k = offset; k < offset + count; k++) {
            int u = ns[k - nb];
            add(t, base, u * w, np[k], lo[u], hi[u]);
        }
    }
}
