package dev.wengert.mixed;

import dev.wengert.reverse.kernel.AdjointKernel;
import dev.wengert.reverse.kernel.Entries;
import dev.wengert.reverse.kernel.OpCodes;
import dev.wengert.reverse.kernel.SlotMap;
import dev.wengert.reverse.kernel.TangentKernel;
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
 * The sweeps are reverse mode's kernels ({@link TangentKernel}, {@link AdjointKernel}) on the
 * recording's own arrays, through a {@link SlotMap} of light index arrays parallel to the tape's
 * operand slots: per entry its slot, per operand slot its value's slot. An operand that carries no
 * derivative (a constant) reads a slot that stays 0; an inactive entry (dead code) is skipped.
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
    /** slot of each local entry i (global first + i), −1 for an inactive one */
    final int[] entrySlot;
    /** the number of slots: the largest number of values live at once (and a zero slot if needed) */
    final int slots;
    private final Entries list;
    private final SlotMap map;
    private final long edges;

    SegmentProgram(LinearizedGraph g, int first, int end, int[] liveIn, int[] liveOut, int[] scratch) {
        this.first = first;
        this.end = end;
        this.liveIn = liveIn;
        this.liveOut = liveOut;
        this.list = g.list;
        this.edges = g.operandStart[end] - g.operandStart[first];
        final byte[] op = list.op;
        final int[] args = list.args;
        final int[] nary = list.naryArgs;
        final boolean[] active = g.active;
        int nIn = liveIn.length;
        int len = end - first;
        // values: live-in s is value s, local entry i is value nIn + i, a passive operand −1;
        // scratch maps a live-in's global index to its value number
        for (int s = 0; s < nIn; s++) {
            scratch[liveIn[s]] = s;
        }
        int naryBase = Integer.MAX_VALUE;
        int naryEnd = 0;
        for (int i = first; i < end; i++) {
            if (active[i] && OpCodes.KIND[op[i]] == OpCodes.MANY) {
                naryBase = Math.min(naryBase, args[2 * i]);
                naryEnd = Math.max(naryEnd, args[2 * i] + args[2 * i + 1]);
            }
        }
        if (naryBase > naryEnd) {
            naryBase = 0;
        }
        int[] argSlot = new int[2 * len];
        int[] narySlot = new int[naryEnd - naryBase];
        int[] lastUse = new int[nIn + len];
        Arrays.fill(lastUse, -1);
        boolean passive = false;
        for (int i = first; i < end; i++) {
            if (!active[i]) {
                continue;
            }
            int p = 2 * i;
            int local = i - first;
            switch (OpCodes.KIND[op[i]]) {
                case OpCodes.ONE -> argSlot[2 * local] = value(args[p], first, active, scratch, nIn, local, lastUse);
                case OpCodes.TWO -> {
                    argSlot[2 * local] = value(args[p], first, active, scratch, nIn, local, lastUse);
                    argSlot[2 * local + 1] = value(args[p + 1], first, active, scratch, nIn, local, lastUse);
                }
                case OpCodes.MANY -> {
                    for (int k = args[p], stop = k + args[p + 1]; k < stop; k++) {
                        narySlot[k - naryBase] = value(nary[k], first, active, scratch, nIn, local, lastUse);
                    }
                }
                default -> { }
            }
        }
        int[] outValue = new int[liveOut.length];
        for (int r = 0; r < liveOut.length; r++) {
            int u = liveOut[r];
            outValue[r] = u < first ? scratch[u] : nIn + (u - first);
            lastUse[outValue[r]] = len;
        }
        // linear scan: allocate the entry's slot, then free the operands that die here; the
        // operand slots are turned from value numbers into slot numbers as they are met
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
        int zero = -1;                  // the slot of passive operands, allocated after the scan
        for (int local = 0; local < len; local++) {
            int i = first + local;
            if (!active[i]) {
                entrySlot[local] = -1;
                continue;
            }
            int slot = freeCount > 0 ? free[--freeCount] : next++;
            slotOf[nIn + local] = slot;
            entrySlot[local] = slot;
            int p = 2 * i;
            switch (OpCodes.KIND[op[i]]) {
                case OpCodes.ONE -> freeCount = assign(argSlot, 2 * local, slotOf, lastUse, local, free, freeCount);
                case OpCodes.TWO -> {
                    freeCount = assign(argSlot, 2 * local, slotOf, lastUse, local, free, freeCount);
                    freeCount = assign(argSlot, 2 * local + 1, slotOf, lastUse, local, free, freeCount);
                }
                case OpCodes.MANY -> {
                    for (int k = args[p], stop = k + args[p + 1]; k < stop; k++) {
                        freeCount = assign(narySlot, k - naryBase, slotOf, lastUse, local, free, freeCount);
                    }
                }
                default -> { }
            }
            if (lastUse[nIn + local] == -1) {
                free[freeCount++] = slot;
            }
        }
        outSlot = new int[liveOut.length];
        for (int r = 0; r < liveOut.length; r++) {
            outSlot[r] = slotOf[outValue[r]];
        }
        // passive operands (marked Integer.MIN_VALUE by assign) read one extra slot that no entry writes
        for (int k = 0; k < argSlot.length; k++) {
            if (argSlot[k] == Integer.MIN_VALUE) {
                zero = next;
                argSlot[k] = zero;
            }
        }
        for (int k = 0; k < narySlot.length; k++) {
            if (narySlot[k] == Integer.MIN_VALUE) {
                zero = next;
                narySlot[k] = zero;
            }
        }
        slots = zero >= 0 ? next + 1 : next;
        map = SlotMap.compiled(first, end, entrySlot, argSlot, narySlot, naryBase, slots);
    }

    /** The value number of operand u of local entry {@code local}, noting its last use; −1 if passive. */
    private static int value(int u, int first, boolean[] active, int[] scratch, int nIn, int local, int[] lastUse) {
        if (!active[u]) {
            return -1;
        }
        int value = u < first ? scratch[u] : nIn + (u - first);
        lastUse[value] = local;
        return value;
    }

    /**
     * Turns operand slot k's value number into its slot (Integer.MIN_VALUE for a passive operand,
     * given the zero slot later), freeing the value's slot if it dies at this entry.
     *
     * @return the new free count
     */
    private static int assign(int[] operandSlot, int k, int[] slotOf, int[] lastUse, int local, int[] free,
            int freeCount) {
        int value = operandSlot[k];
        if (value < 0) {
            operandSlot[k] = Integer.MIN_VALUE;
            return freeCount;
        }
        operandSlot[k] = slotOf[value];
        if (lastUse[value] == local) {
            lastUse[value] = -2;
            free[freeCount++] = slotOf[value];
        }
        return freeCount;
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

    /** @return τ = α, the kept edge count: multiply-adds of one tangent or one adjoint sweep */
    long edges() {
        return edges;
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
        TangentKernel.scalar(list, map, t);
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
        if (w == 1) {
            AdjointKernel.scalar(list, map, a, end - 1);
        } else {
            AdjointKernel.block(list, map, a, w);
        }
        double[] out = new double[liveIn.length * w];
        System.arraycopy(a, 0, out, 0, liveIn.length * w);
        return out;
    }

    /**
     * The tangent sweep on w &gt; 1 directions ({@link TangentKernel#block}), the live-ins' ranges
     * of nonzero directions taken from the seeds.
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

    /** The block kernel once the live-ins' tangents and ranges are in place; the live-outs gathered. */
    private double[] sweepRanges(double[] t, int[] lo, int[] hi, int w, int[] outLo, int[] outHi) {
        TangentKernel.block(list, map, t, w, lo, hi);
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
