package dev.wengert.mixed;

import dev.wengert.reverse.kernel.AdjointKernel;
import dev.wengert.reverse.kernel.SlotMap;
import dev.wengert.reverse.kernel.TangentKernel;

/**
 * A sweep over entries [first, end) straight on the recording's arrays, entry i in slot i (the
 * kernels' identity {@link SlotMap}, as reverse mode sweeps a whole tape): no program to compile,
 * so it is the cheaper form for the few directions ({@link SegmentProgram#NARROW} or fewer) of a
 * step whose fan-in or fan-out is small — at a waist, one direction. The arithmetic is the
 * kernels' ({@link TangentKernel}, {@link AdjointKernel}), the same as a compiled
 * {@link SegmentProgram}'s. Constants and entries before the range that are not live-ins keep a
 * zero tangent; dead entries in the range get tangents no live entry reads, and zero adjoints.
 */
final class DirectSweep implements Sweep {

    private final LinearizedGraph g;
    private final SlotMap map;
    private final int end;
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
        this.map = SlotMap.identity(g.list, first, end);
        this.end = end;
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
        return end;
    }

    /** The w directions one at a time, each by the scalar kernel. */
    @Override
    public double[] tangent(double[] seeds, int w) {
        double[] out = new double[liveOut.length * w];
        double[] t = new double[end];
        for (int c = 0; c < w; c++) {
            if (c > 0) {
                java.util.Arrays.fill(t, 0);
            }
            for (int s = 0; s < liveIn.length; s++) {
                t[liveIn[s]] = seeds[s * w + c];
            }
            TangentKernel.scalar(g.list, map, t);
            for (int r = 0; r < liveOut.length; r++) {
                out[r * w + c] = t[liveOut[r]];
            }
        }
        return out;
    }

    /** The w directions one at a time, each by the scalar kernel. */
    @Override
    public double[] adjoint(double[] seeds, int w) {
        double[] out = new double[liveIn.length * w];
        double[] a = new double[end];
        for (int c = 0; c < w; c++) {
            if (c > 0) {
                java.util.Arrays.fill(a, 0);
            }
            for (int r = 0; r < liveOut.length; r++) {
                a[liveOut[r]] += seeds[r * w + c];
            }
            AdjointKernel.scalar(g.list, map, a, end - 1);
            for (int s = 0; s < liveIn.length; s++) {
                out[s * w + c] = a[liveIn[s]];
            }
        }
        return out;
    }
}
