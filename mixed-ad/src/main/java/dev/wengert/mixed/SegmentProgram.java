package dev.wengert.mixed;

import java.util.Arrays;

/**
 * One range of the tape, entries [first, end), compiled for sweeps: its live-in values (fan-in
 * n<sub>s</sub>), its entries and its live-out values (fan-out m<sub>s</sub>). A live-out defined
 * before {@code first} is passed through: it is also live-in, and its row of the range's Jacobian
 * is a row of the identity, at no sweep cost.
 *
 * <p><b>Slots.</b> Tangents and adjoints are kept in <em>slots</em>, not one per entry: a value
 * occupies a slot from its definition to its last use in the range (live-outs to the end), and a
 * freed slot is taken by the next entry defined — register allocation by live intervals, so a
 * sweep's scratch is the largest live set, not the range length. Live-in value s starts in slot s.
 * Two values share a slot only if their intervals [definition, last use] are disjoint, which is
 * what both sweeps need: a tangent slot is overwritten when its entry is defined (after its
 * earlier holder's last use); an adjoint slot is zeroed once its entry has been propagated (the
 * next holder, earlier on the tape, accumulates only later in the reverse loop). Example: for
 * z = x·y + x² (live-ins x, y in slots 0, 1) the entries xy, x², z take slots 2, 1, 0: y dies at
 * xy, so x² reuses its slot; x dies at x², so z reuses slot 0. Three slots for five values.
 *
 * <p>Sweeps run on w directions at once, stored slot-major ({@code t[slot·w + c]}), so the
 * arithmetic of one direction is the same whatever w is: results are bit-identical however the
 * directions are split into blocks or tasks.
 * <ul>
 *   <li><b>tangent</b>: ṫ<sub>i</sub> = Σ<sub>e</sub> p<sub>e</sub>·ṫ<sub>operand(e)</sub>, entries
 *       in increasing order; in: n<sub>s</sub> × w seeds, out: m<sub>s</sub> × w tangents, i.e.
 *       F′·S for a seed matrix S;</li>
 *   <li><b>adjoint</b>: t̄<sub>operand(e)</sub> += p<sub>e</sub>·t̄<sub>i</sub>, entries in decreasing
 *       order; in: m<sub>s</sub> × w adjoint seeds (the transpose of W, W being w × m<sub>s</sub>),
 *       out: n<sub>s</sub> × w, the transpose of W·F′.</li>
 * </ul>
 * A zero tangent or adjoint is skipped, never multiplied (as {@code Rules.chain}), so an
 * infinite or NaN partial on an unused path does not leak into the result.
 */
final class SegmentProgram implements Sweep {

    /**
     * Up to this many directions are swept one at a time (a tight scalar loop beats a short inner
     * loop over the directions); the arithmetic of each direction is the same either way. A plan's
     * step of this many directions or fewer is a {@link DirectSweep} instead, with nothing to compile.
     */
    static final int NARROW = 4;

    final int first;
    final int end;
    final int[] liveIn;
    final int[] liveOut;
    /** slot of each live-out value */
    final int[] outSlot;
    /** slot of each local entry i (global first + i) */
    final int[] entrySlot;
    /** per local entry i, its edges [start[i], start[i+1]) */
    final int[] start;
    /** per edge, the operand's slot */
    final int[] operandSlot;
    /** the graph's partials; edge e of this range is partials[edgeBase + e] */
    final double[] partials;
    final int edgeBase;
    /** the number of slots: the largest number of values live at once */
    final int slots;

    SegmentProgram(LinearizedGraph g, int first, int end, int[] liveIn, int[] liveOut, int[] scratch) {
        this.first = first;
        this.end = end;
        this.liveIn = liveIn;
        this.liveOut = liveOut;
        this.partials = g.partials;
        this.edgeBase = g.operandStart[first];
        int nIn = liveIn.length;
        int len = end - first;
        // values: live-in s is value s, local entry i is value nIn + i; scratch maps a live-in's
        // global index to its value number
        for (int s = 0; s < nIn; s++) {
            scratch[liveIn[s]] = s;
        }
        start = new int[len + 1];
        operandSlot = new int[g.operandStart[end] - edgeBase];
        int[] operandValue = operandSlot;
        int[] lastUse = new int[nIn + len];
        Arrays.fill(lastUse, -1);
        for (int i = 0; i < len; i++) {
            int v = first + i;
            for (int e = g.operandStart[v]; e < g.operandStart[v + 1]; e++) {
                int u = g.operands[e];
                int value = u < first ? scratch[u] : nIn + (u - first);
                operandValue[e - edgeBase] = value;
                lastUse[value] = i;
            }
            start[i + 1] = g.operandStart[v + 1] - edgeBase;
        }
        int[] outValue = new int[liveOut.length];
        for (int r = 0; r < liveOut.length; r++) {
            int u = liveOut[r];
            outValue[r] = u < first ? scratch[u] : nIn + (u - first);
            lastUse[outValue[r]] = len;
        }
        // linear scan: allocate the entry's slot, then free the operands that die here
        int[] slotOf = new int[nIn + len];
        int[] free = new int[nIn + len + 1];
        int freeCount = 0;
        int next = nIn;
        for (int s = 0; s < nIn; s++) {
            slotOf[s] = s;
            if (lastUse[s] < 0) {
                free[freeCount++] = s;
            }
        }
        entrySlot = new int[len];
        for (int i = 0; i < len; i++) {
            int slot = freeCount > 0 ? free[--freeCount] : next++;
            slotOf[nIn + i] = slot;
            entrySlot[i] = slot;
            for (int e = start[i]; e < start[i + 1]; e++) {
                int value = operandValue[e];
                operandSlot[e] = slotOf[value];
                if (lastUse[value] == i) {
                    lastUse[value] = -2;
                    free[freeCount++] = slotOf[value];
                }
            }
            if (lastUse[nIn + i] == -1) {
                free[freeCount++] = slot;
            }
        }
        outSlot = new int[liveOut.length];
        for (int r = 0; r < liveOut.length; r++) {
            outSlot[r] = slotOf[outValue[r]];
        }
        slots = next;
    }

    @Override
    public int fanIn() {
        return liveIn.length;
    }

    @Override
    public int fanOut() {
        return liveOut.length;
    }

    int ops() {
        return end - first;
    }

    /** @return the scratch slots of one sweep direction */
    @Override
    public long slots() {
        return slots;
    }

    /** @return τ = α, the edge count: multiply-adds of one tangent or one adjoint sweep */
    long edges() {
        return operandSlot.length;
    }

    /**
     * Tangent sweep on w directions.
     *
     * @param seeds n<sub>s</sub> × w, slot-major
     * @param w the number of directions
     * @return m<sub>s</sub> × w, the tangents of the live-out values
     */
    @Override
    public double[] tangent(double[] seeds, int w) {
        if (w > 1 && w <= NARROW) {
            return byDirection(seeds, w, liveIn.length, liveOut.length, true);
        }
        if (w > 1) {
            return tangentBlock(seeds, w);
        }
        double[] t = new double[slots];
        System.arraycopy(seeds, 0, t, 0, liveIn.length);
        int len = end - first;
        for (int i = 0; i < len; i++) {
            double acc = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                double d = t[operandSlot[e]];
                double p = partials[edgeBase + e];
                if (d != 0 && p != 0) {
                    acc += p * d;
                }
            }
            t[entrySlot[i]] = acc;
        }
        double[] out = new double[liveOut.length];
        for (int r = 0; r < liveOut.length; r++) {
            out[r] = t[outSlot[r]];
        }
        return out;
    }

    /**
     * Adjoint sweep on w directions.
     *
     * @param seeds m<sub>s</sub> × w, slot-major: seeds[r·w + c] is direction c's weight on live-out r
     * @param w the number of directions
     * @return n<sub>s</sub> × w, the adjoints of the live-in values
     */
    @Override
    public double[] adjoint(double[] seeds, int w) {
        if (w > 1 && w <= NARROW) {
            return byDirection(seeds, w, liveOut.length, liveIn.length, false);
        }
        double[] a = new double[slots * w];
        for (int r = 0; r < liveOut.length; r++) {
            int dst = outSlot[r] * w;
            for (int c = 0; c < w; c++) {
                a[dst + c] += seeds[r * w + c];
            }
        }
        int len = end - first;
        if (w == 1) {
            for (int i = len - 1; i >= 0; i--) {
                int slot = entrySlot[i];
                double bar = a[slot];
                if (bar != 0) {
                    a[slot] = 0;
                    for (int e = start[i]; e < start[i + 1]; e++) {
                        double p = partials[edgeBase + e];
                        if (p != 0) {
                            a[operandSlot[e]] += p * bar;
                        }
                    }
                }
            }
        } else {
            adjointBlock(a, w);
        }
        double[] out = new double[liveIn.length * w];
        System.arraycopy(a, 0, out, 0, liveIn.length * w);
        return out;
    }

    /**
     * The tangent sweep on w &gt; 1 directions, slot-major, with a <em>range</em> per slot: the
     * directions [lo, hi) outside which its tangent is zero (as forward mode's tangent ranges: a
     * value reached from few of the seeded inputs has a short range). Seeds give the live-ins'
     * ranges; an entry's range is the union of its operands'. Each entry's tangent is a sum started
     * at +0 to which each edge adds p·ṫ over the operand's range, in edge order; a term left out
     * (a zero tangent) would have added ±0, which changes no such sum (it is never −0), so the
     * result is the scalar loop's in every direction. A non-finite p multiplies nonzero tangents
     * only, and an edge with p = 0 is skipped (it would add ±0, or NaN beside an infinite tangent:
     * {@code Rules.chain}'s zero rule). An entry whose operands share its range is written in one pass,
     * {@code (0 + p·ṫ₁) + q·ṫ₂}; one with an empty range is not written at all.
     */
    private double[] tangentBlock(double[] seeds, int w) {
        double[] t = new double[slots * w];
        int[] lo = new int[slots];
        int[] hi = new int[slots];
        int nIn = liveIn.length;
        System.arraycopy(seeds, 0, t, 0, nIn * w);
        for (int s = 0; s < nIn; s++) {
            int row = s * w;
            int a = 0;
            while (a < w && seeds[row + a] == 0) {
                a++;
            }
            int b = w;
            while (b > a && seeds[row + b - 1] == 0) {
                b--;
            }
            lo[s] = a;
            hi[s] = b;
        }
        return sweepRanges(t, lo, hi, w, null, null);
    }

    /**
     * The tangent sweep of {@link #tangentBlock} seeded with unit vectors: direction c seeds live-in
     * {@code from + c} with 1 (c &lt; w), every other live-in with 0 — the columns from..from+w−1 of
     * F′ — without a seed matrix: each seeded live-in's range is its one direction.
     *
     * @param from the first live-in seeded
     * @param w the number of directions (from + w ≤ fan-in)
     * @param outLo per live-out, filled with the first direction of its range
     * @param outHi per live-out, filled with one past the last (equal to outLo if its tangents are all 0)
     * @return m<sub>s</sub> × w, the tangents of the live-out values (0 outside their ranges)
     */
    double[] tangentUnit(int from, int w, int[] outLo, int[] outHi) {
        double[] t = new double[slots * w];
        int[] lo = new int[slots];
        int[] hi = new int[slots];
        for (int c = 0; c < w; c++) {
            int s = from + c;
            t[s * w + c] = 1;
            lo[s] = c;
            hi[s] = c + 1;
        }
        return sweepRanges(t, lo, hi, w, outLo, outHi);
    }

    /** The sweep of {@link #tangentBlock} once the live-ins' tangents and ranges are in place. */
    private double[] sweepRanges(double[] t, int[] lo, int[] hi, int w, int[] outLo, int[] outHi) {
        int len = end - first;
        for (int i = 0; i < len; i++) {
            int slot = entrySlot[i];
            int base = slot * w;
            int e0 = start[i];
            int e1 = start[i + 1];
            int from = w;
            int to = 0;
            for (int e = e0; e < e1; e++) {
                int u = operandSlot[e];
                if (lo[u] < hi[u]) {
                    from = Math.min(from, lo[u]);
                    to = Math.max(to, hi[u]);
                }
            }
            lo[slot] = from;
            hi[slot] = to;
            if (from >= to) {
                continue;
            }
            int count = e1 - e0;
            double p = partials[edgeBase + e0];
            int src = operandSlot[e0] * w;
            if (count == 1 && Double.isFinite(p) && p != 0) {
                for (int c = from; c < to; c++) {
                    t[base + c] = 0.0 + p * t[src + c];
                }
                continue;
            }
            if (count == 2) {
                double q = partials[edgeBase + e0 + 1];
                int u = operandSlot[e0];
                int v = operandSlot[e0 + 1];
                if (Double.isFinite(p) && Double.isFinite(q) && p != 0 && q != 0 && lo[u] == from && hi[u] == to
                        && lo[v] == from && hi[v] == to) {
                    int src2 = v * w;
                    for (int c = from; c < to; c++) {
                        t[base + c] = (0.0 + p * t[src + c]) + q * t[src2 + c];
                    }
                    continue;
                }
            }
            Arrays.fill(t, base + from, base + to, 0);
            for (int e = e0; e < e1; e++) {
                int u = operandSlot[e];
                double pe = partials[edgeBase + e];
                if (pe == 0) {
                    continue;
                }
                int se = u * w;
                int a = lo[u];
                int b = hi[u];
                if (Double.isFinite(pe)) {
                    for (int c = a; c < b; c++) {
                        t[base + c] += pe * t[se + c];
                    }
                } else {
                    for (int c = a; c < b; c++) {
                        double d = t[se + c];
                        if (d != 0) {
                            t[base + c] += pe * d;
                        }
                    }
                }
            }
        }
        double[] out = new double[liveOut.length * w];
        for (int r = 0; r < liveOut.length; r++) {
            int slot = outSlot[r];
            int a = Math.min(lo[slot], hi[slot]);
            int b = hi[slot];
            if (a < b) {
                System.arraycopy(t, slot * w + a, out, r * w + a, b - a);
            }
            if (outLo != null) {
                outLo[r] = a;
                outHi[r] = Math.max(a, b);
            }
        }
        return out;
    }

    /**
     * The adjoint sweep on w &gt; 1 directions, slot-major: entries in decreasing order, each edge
     * adding p·v̄ to its operand's adjoint (a finite p times a zero adjoint adds ±0, which changes no
     * sum; a non-finite p multiplies nonzero adjoints only, an edge with p = 0 is skipped), then the entry's slot zeroed for its
     * next holder. An entry of one or two finite edges does all three in one pass over the
     * directions, in the same order per direction (an operand's slot is never the entry's own).
     */
    private void adjointBlock(double[] a, int w) {
        int len = end - first;
        for (int i = len - 1; i >= 0; i--) {
            int base = entrySlot[i] * w;
            int e0 = start[i];
            int count = start[i + 1] - e0;
            if (count == 1 && Double.isFinite(partials[edgeBase + e0]) && partials[edgeBase + e0] != 0) {
                double p = partials[edgeBase + e0];
                int dst = operandSlot[e0] * w;
                for (int c = 0; c < w; c++) {
                    a[dst + c] += p * a[base + c];
                    a[base + c] = 0;
                }
            } else if (count == 2 && Double.isFinite(partials[edgeBase + e0]) && partials[edgeBase + e0] != 0
                    && Double.isFinite(partials[edgeBase + e0 + 1]) && partials[edgeBase + e0 + 1] != 0) {
                double p = partials[edgeBase + e0];
                double q = partials[edgeBase + e0 + 1];
                int dst = operandSlot[e0] * w;
                int dst2 = operandSlot[e0 + 1] * w;
                for (int c = 0; c < w; c++) {
                    double bar = a[base + c];
                    a[dst + c] += p * bar;
                    a[dst2 + c] += q * bar;
                    a[base + c] = 0;
                }
            } else {
                for (int e = e0; e < e0 + count; e++) {
                    double p = partials[edgeBase + e];
                    if (p == 0) {
                        continue;
                    }
                    int dst = operandSlot[e] * w;
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
                Arrays.fill(a, base, base + w, 0);
            }
        }
    }

    private double[] byDirection(double[] seeds, int w, int inRows, int outRows, boolean tangent) {
        double[] out = new double[outRows * w];
        double[] one = new double[inRows];
        for (int c = 0; c < w; c++) {
            for (int r = 0; r < inRows; r++) {
                one[r] = seeds[r * w + c];
            }
            double[] result = tangent ? tangent(one, 1) : adjoint(one, 1);
            for (int r = 0; r < outRows; r++) {
                out[r * w + c] = result[r];
            }
        }
        return out;
    }
}
