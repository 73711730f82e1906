package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.Segment;
import dev.wengert.mixed.SweepMode;
import dev.wengert.reverse.TapeView;
import java.util.List;

/**
 * The mixed-mode plan's segments in tape entries, for colouring the graph. Mixed mode numbers
 * the entries of its linearized graph with the inputs first, then every other tape entry in tape
 * order; this maps them back.
 */
final class PlanSegments {

    private PlanSegments() {
    }

    /**
     * @param e the expression
     * @param x the point
     * @param view the tape the graph is drawn from (recorded from e at x)
     * @return the segments that hold operations, in tape entries
     */
    static Dot.Segment[] of(Expression e, double[] x, TapeView view) {
        List<Segment> segments = new MixedMode().plan(e, x).segments();
        int n = view.inputCount();
        int[] tapeOf = new int[view.size()];
        for (int k = 0; k < n; k++) {
            tapeOf[k] = view.inputIndex(k);
        }
        int g = n;
        for (int i = 0; i < view.size() && g < tapeOf.length; i++) {
            if (!view.isInput(i)) {
                tapeOf[g++] = i;
            }
        }
        Dot.Segment[] out = new Dot.Segment[segments.size()];
        for (Segment s : segments) {
            int first = s.ops() == 0 ? -1 : tapeOf[s.first()];
            int last = s.ops() == 0 ? -2 : tapeOf[s.last()];
            out[s.index()] = new Dot.Segment(s.index(), first, last, s.mode() == SweepMode.TANGENT, s.fanIn(), s.fanOut());
        }
        return out;
    }
}
