package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.Segment;
import dev.wengert.reverse.TapeView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed mode's Jacobian plan for the page of {@code wengert teach}: the segments in tape entries
 * ({@link PlanSegments}) with their fan-in, fan-out, sweep mode, ops and edges; the plan's operations
 * in order ({@link JacobianPlan#operations()}, the text {@code plan} prints), each with the segments
 * it works on; and the predicted cost beside pure forward's and pure reverse's.
 */
final class TeachPlan {

    /** "segment 2", "segments 1..3" in an operation's text. */
    private static final Pattern SWEPT = Pattern.compile("segments? (\\d+)(?:\\.\\.(\\d+))?");
    /** The Jacobian an operation makes: "F'2 =" or "F'3..1 =". */
    private static final Pattern MADE = Pattern.compile("^F'(\\d+)(?:\\.\\.(\\d+))? =");

    private TeachPlan() {
    }

    /**
     * @param e the expression
     * @param x the point
     * @param view the recording's tape
     * @return the plan as JSON
     */
    static String json(Expression e, double[] x, TapeView view) {
        JacobianPlan plan = new MixedMode().plan(e, x);
        Dot.Segment[] tape = PlanSegments.of(e, x, view);
        List<Segment> segments = plan.segments();
        StringBuilder b = new StringBuilder("{\"segments\":[");
        for (int s = 0; s < segments.size(); s++) {
            Segment g = segments.get(s);
            Dot.Segment t = tape[s];
            b.append(s == 0 ? "" : ",").append("{\"index\":").append(s).append(",\"first\":").append(t.first())
                    .append(",\"last\":").append(t.last()).append(",\"mode\":")
                    .append(Fmt.json(t.tangent() ? "tangent" : "adjoint")).append(",\"fanIn\":").append(g.fanIn())
                    .append(",\"fanOut\":").append(g.fanOut()).append(",\"ops\":").append(g.ops())
                    .append(",\"edges\":").append(g.edges()).append('}');
        }
        b.append("],\"operations\":[");
        List<String> ops = plan.operations();
        for (int k = 0; k < ops.size(); k++) {
            b.append(k == 0 ? "" : ",").append("{\"text\":").append(Fmt.json(ops.get(k).trim()))
                    .append(",\"segments\":").append(segmentsOf(ops.get(k))).append('}');
        }
        b.append("],\"predicted\":").append(plan.predictedCost()).append(",\"forward\":").append(plan.pureForwardCost())
                .append(",\"reverse\":").append(plan.pureReverseCost()).append(",\"inputs\":").append(plan.inputs())
                .append(",\"outputs\":").append(plan.outputs()).append('}');
        return b.toString();
    }

    /**
     * @param op an operation's text
     * @return the segments it sweeps ("over segment 0", "through segments 1..3"), or for a product
     *         the segments of the Jacobian it makes ("F'1..0 = F'1 * F'0"), as a JSON array
     */
    static String segmentsOf(String op) {
        List<Integer> list = new ArrayList<>();
        Matcher m = SWEPT.matcher(op);
        if (!m.find()) {
            m = MADE.matcher(op);
            if (!m.find()) {
                return "[]";
            }
        }
        int a = Integer.parseInt(m.group(1));
        int c = m.group(2) == null ? a : Integer.parseInt(m.group(2));
        for (int s = Math.min(a, c); s <= Math.max(a, c); s++) {
            list.add(s);
        }
        return list.toString().replace(" ", "");
    }
}
