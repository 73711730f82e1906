package dev.wengert.mixed;

/**
 * One segment of the tape, entries [first, end), compiled for sweeps: its live-in values
 * (fan-in n<sub>s</sub>, slots 0..n<sub>s</sub>−1), its entries (slots n<sub>s</sub>..), and its
 * live-out values (fan-out m<sub>s</sub>) as slots. A live-out defined before {@code first} is
 * passed through: it is also live-in, and its row of the segment Jacobian is a row of the
 * identity, at no sweep cost.
 *
 * <p>Sweeps run on w directions at once, stored slot-major ({@code t[slot·w + c]}), so the
 * arithmetic of one direction is the same whatever w is: results are bit-identical however the
 * directions are split into blocks or tasks.
 *
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
final class SegmentProgram {

    final int first;
    final int end;
    final int[] liveIn;
    final int[] liveOut;
    /** slot of each live-out value */
    final int[] outSlot;
    /** per local entry i (global first + i), its edges [start[i], start[i+1]) */
    final int[] start;
    /** per edge, the operand's slot */
    final int[] operandSlot;
    /** the graph's partials; edge e of this segment is partials[edgeBase + e] */
    final double[] partials;
    final int edgeBase;

    SegmentProgram(LinearizedGraph g, int first, int end, int[] liveIn, int[] liveOut, int[] slotOfInput) {
        this.first = first;
        this.end = end;
        this.liveIn = liveIn;
        this.liveOut = liveOut;
        this.partials = g.partials;
        this.edgeBase = g.operandStart[first];
        int nIn = liveIn.length;
        for (int s = 0; s < nIn; s++) {
            slotOfInput[liveIn[s]] = s;
        }
        int len = end - first;
        start = new int[len + 1];
        operandSlot = new int[g.operandStart[end] - edgeBase];
        for (int i = 0; i < len; i++) {
            int v = first + i;
            for (int e = g.operandStart[v]; e < g.operandStart[v + 1]; e++) {
                int u = g.operands[e];
                operandSlot[e - edgeBase] = u < first ? slotOfInput[u] : nIn + (u - first);
            }
            start[i + 1] = g.operandStart[v + 1] - edgeBase;
        }
        outSlot = new int[liveOut.length];
        for (int r = 0; r < liveOut.length; r++) {
            int u = liveOut[r];
            outSlot[r] = u < first ? slotOfInput[u] : nIn + (u - first);
        }
    }

    /**
     * Up to this many directions are swept one at a time (a tight scalar loop beats a short inner
     * loop over the directions); the arithmetic of each direction is the same either way.
     */
    static final int NARROW = 4;

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

    int fanIn() {
        return liveIn.length;
    }

    int fanOut() {
        return liveOut.length;
    }

    int ops() {
        return end - first;
    }

    /** @return the scratch slots of one sweep direction: fan-in plus entries */
    long slots() {
        return (long) liveIn.length + (end - first);
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
    double[] tangent(double[] seeds, int w) {
        if (w > 1 && w <= NARROW) {
            return byDirection(seeds, w, liveIn.length, liveOut.length, true);
        }
        int nIn = liveIn.length;
        double[] t = new double[(nIn + end - first) * w];
        System.arraycopy(seeds, 0, t, 0, nIn * w);
        int len = end - first;
        if (w == 1) {
            for (int i = 0; i < len; i++) {
                double acc = 0;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    double d = t[operandSlot[e]];
                    if (d != 0) {
                        acc += partials[edgeBase + e] * d;
                    }
                }
                t[nIn + i] = acc;
            }
        } else {
            for (int i = 0; i < len; i++) {
                int base = (nIn + i) * w;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    double p = partials[edgeBase + e];
                    int src = operandSlot[e] * w;
                    if (Double.isFinite(p)) {
                        // p·0 = ±0 adds nothing to a sum started at +0: the same bits as skipping
                        for (int c = 0; c < w; c++) {
                            t[base + c] += p * t[src + c];
                        }
                    } else {
                        for (int c = 0; c < w; c++) {
                            double d = t[src + c];
                            if (d != 0) {
                                t[base + c] += p * d;
                            }
                        }
                    }
                }
            }
        }
        double[] out = new double[liveOut.length * w];
        for (int r = 0; r < liveOut.length; r++) {
            System.arraycopy(t, outSlot[r] * w, out, r * w, w);
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
    double[] adjoint(double[] seeds, int w) {
        if (w > 1 && w <= NARROW) {
            return byDirection(seeds, w, liveOut.length, liveIn.length, false);
        }
        int nIn = liveIn.length;
        double[] a = new double[(nIn + end - first) * w];
        for (int r = 0; r < liveOut.length; r++) {
            int dst = outSlot[r] * w;
            for (int c = 0; c < w; c++) {
                a[dst + c] += seeds[r * w + c];
            }
        }
        int len = end - first;
        if (w == 1) {
            for (int i = len - 1; i >= 0; i--) {
                double bar = a[nIn + i];
                if (bar != 0) {
                    for (int e = start[i]; e < start[i + 1]; e++) {
                        a[operandSlot[e]] += partials[edgeBase + e] * bar;
                    }
                }
            }
        } else {
            for (int i = len - 1; i >= 0; i--) {
                int base = (nIn + i) * w;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    double p = partials[edgeBase + e];
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
            }
        }
        double[] out = new double[nIn * w];
        System.arraycopy(a, 0, out, 0, nIn * w);
        return out;
    }
}
