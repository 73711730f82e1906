package dev.wengert.mixed;

/**
 * A sweep over entries [first, end) straight on the graph's arrays, all directions in one pass,
 * with w tangents or adjoints per entry in a scratch array covering [base, end) (base: the first
 * live-in value, or first): no program to compile, so it is the cheaper form for the few directions
 * ({@link SegmentProgram#NARROW} or fewer) of a step whose fan-in or fan-out is small — at a
 * waist, one direction. The arithmetic is the scalar loop of {@link SegmentProgram}: a tangent is
 * a sum started at +0 to which each nonzero operand tangent adds p·ṫ in edge order; an adjoint
 * adds p·v̄ to each operand, entries in decreasing order, a zero adjoint skipped. An edge whose
 * partial p is 0 is skipped in both ({@code Rules.chain}: a zero factor makes a zero term, even
 * beside ±∞ or NaN).
 */
final class DirectSweep implements Sweep {

    private final LinearizedGraph g;
    private final int first;
    private final int end;
    private final int base;
    private final int[] liveIn;
    private final int[] liveOut;

    /**
     * @param g the graph
     * @param first the range's first entry
     * @param end one past its last entry
     * @param liveIn L(first), sorted
     * @param liveOut L(end), sorted
     */
    DirectSweep(LinearizedGraph g, int first, int end, int[] liveIn, int[] liveOut) {
        this.g = g;
        this.first = first;
        this.end = end;
        this.base = liveIn.length > 0 ? Math.min(liveIn[0], first) : first;
        this.liveIn = liveIn;
        this.liveOut = liveOut;
    }

    @Override
    public int fanIn() {
        return liveIn.length;
    }

    @Override
    public int fanOut() {
        return liveOut.length;
    }

    @Override
    public long slots() {
        return end - base;
    }

    /**
     * The w directions in one pass over the entries, direction-minor ({@code t[(v − base)·w + c]}),
     * each direction with the scalar loop's arithmetic.
     */
    @Override
    public double[] tangent(double[] seeds, int w) {
        int[] start = g.operandStart;
        int[] operands = g.operands;
        double[] partials = g.partials;
        double[] out = new double[liveOut.length * w];
        double[] t = new double[(end - base) * w];
        for (int s = 0; s < liveIn.length; s++) {
            System.arraycopy(seeds, s * w, t, (liveIn[s] - base) * w, w);
        }
        if (w == 1) {
            for (int i = first; i < end; i++) {
                double acc = 0;
                int stop = start[i + 1];
                for (int e = start[i]; e < stop; e++) {
                    double d = t[operands[e] - base];
                    double p = partials[e];
                    if (d != 0 && p != 0) {
                        acc += p * d;
                    }
                }
                t[i - base] = acc;
            }
        } else {
            for (int i = first; i < end; i++) {
                int at = (i - base) * w;
                int stop = start[i + 1];
                for (int e = start[i]; e < stop; e++) {
                    double p = partials[e];
                    if (p == 0) {
                        continue;
                    }
                    int src = (operands[e] - base) * w;
                    for (int c = 0; c < w; c++) {
                        double d = t[src + c];
                        if (d != 0) {
                            t[at + c] += p * d;
                        }
                    }
                }
            }
        }
        for (int r = 0; r < liveOut.length; r++) {
            System.arraycopy(t, (liveOut[r] - base) * w, out, r * w, w);
        }
        return out;
    }

    /**
     * The w directions in one pass over the entries, direction-minor, each direction with the
     * scalar loop's arithmetic (a zero adjoint skipped).
     */
    @Override
    public double[] adjoint(double[] seeds, int w) {
        int[] start = g.operandStart;
        int[] operands = g.operands;
        double[] partials = g.partials;
        double[] out = new double[liveIn.length * w];
        double[] a = new double[(end - base) * w];
        for (int r = 0; r < liveOut.length; r++) {
            int at = (liveOut[r] - base) * w;
            for (int c = 0; c < w; c++) {
                a[at + c] += seeds[r * w + c];
            }
        }
        for (int i = end - 1; i >= first; i--) {
            int at = (i - base) * w;
            int stop = start[i + 1];
            for (int c = 0; c < w; c++) {
                double bar = a[at + c];
                if (bar != 0) {
                    for (int e = start[i]; e < stop; e++) {
                        double p = partials[e];
                        if (p != 0) {
                            a[(operands[e] - base) * w + c] += p * bar;
                        }
                    }
                }
            }
        }
        for (int s = 0; s < liveIn.length; s++) {
            System.arraycopy(a, (liveIn[s] - base) * w, out, s * w, w);
        }
        return out;
    }
}
