package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.TapeView;

/** The mixed-mode plan's segments in tape entries, for colouring the graph. */
final class PlanSegments {

    private PlanSegments() {
    }

    /** @return the segments, or null while mixed mode is not on the class path */
    static Dot.Segment[] of(Expression e, double[] x, TapeView view) {
        return null;
    }
}
