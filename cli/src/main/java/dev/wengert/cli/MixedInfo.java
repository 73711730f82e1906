package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.MixedMode;
import java.util.Locale;

/** What mixed mode's plan does, in a few words for the {@code diff} table. */
final class MixedInfo {

    private MixedInfo() {
    }

    /**
     * @param e the expression
     * @param x the point
     * @return "plan: 3 steps, 96 multiply-adds (fwd 320, rev 320)"
     */
    static String sweeps(Expression e, double[] x) {
        JacobianPlan plan = new MixedMode().plan(e, x);
        int steps = plan.operations().size();
        return String.format(Locale.ROOT, "plan: %d step%s, cost %d (forward %d, reverse %d)", steps,
                steps == 1 ? "" : "s", plan.predictedCost(), plan.pureForwardCost(), plan.pureReverseCost());
    }
}
