package dev.wengert.mixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text forms of a {@link JacobianPlan}: the explanation table and the Graphviz DOT drawing.
 * Plain loops over the segments, steps and entries.
 */
final class PlanText {

    /** Default cap on the tape entries drawn by {@link JacobianPlan#toDot()}. */
    static final int DOT_NODES = 400;

    private static final String TANGENT_COLOUR = "#cfe2ff";
    private static final String ADJOINT_COLOUR = "#ffd8b0";

    private PlanText() {
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String range(int i, int j) {
        return i == j ? "F'" + i : "F'" + j + ".." + i;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static List<String> operations(JacobianPlan plan) {
        List<Segment> seg = plan.segments();
        List<String> out = new ArrayList<>();
        for (ChainPlanner.Step s : plan.steps()) {
            int i = s.i();
            int j = s.j();
            int k = s.k();
            String text = switch (s.kind()) {
                case TANGENT -> range(i, i) + " = " + seg.get(i).fanIn() + " tangent sweep"
                        + (seg.get(i).fanIn() == 1 ? "" : "s") + " over segment " + i
                        + " (" + seg.get(i).fanOut() + " x " + seg.get(i).fanIn() + ")";
                case ADJOINT -> range(i, i) + " = " + seg.get(i).fanOut() + " adjoint sweep"
                        + (seg.get(i).fanOut() == 1 ? "" : "s") + " over segment " + i
                        + " (" + seg.get(i).fanOut() + " x " + seg.get(i).fanIn() + ")";
                case MULTIPLY -> range(i, j) + " = " + range(k + 1, j) + " * " + range(i, k) + " ("
                        + seg.get(j).fanOut() + " x " + seg.get(k).fanOut() + " times "
                        + seg.get(k).fanOut() + " x " + seg.get(i).fanIn() + ")";
                case PUSH -> range(i, j) + " = push the " + plural(seg.get(i).fanIn(), "column") + " of " + range(i, k)
                        + " as tangents through segment" + (k + 1 == j ? " " + j : "s " + (k + 1) + ".." + j);
                case PULL -> range(i, j) + " = pull the " + plural(seg.get(j).fanOut(), "row") + " of " + range(k + 1, j)
                        + " as adjoints back through segment" + (i == k ? " " + i : "s " + k + ".." + i);
            };
            out.add(text + "  cost " + num(s.cost()));
        }
        return out;
    }

    static String explain(JacobianPlan plan) {
        LinearizedGraph g = plan.graph();
        StringBuilder b = new StringBuilder();
        b.append("Jacobian plan for f: R^").append(g.inputs()).append(" -> R^").append(g.outputCount())
                .append(", ").append(num(g.size() - g.inputs())).append(" recorded operations, ")
                .append(num(g.edges())).append(" edges, ").append(plan.segments().size())
                .append(plan.segments().size() == 1 ? " segment\n" : " segments\n");
        b.append(String.format(Locale.ROOT, "%4s  %-21s %10s %11s %7s %8s  %s%n",
                "seg", "entries", "ops", "edges", "fan-in", "fan-out", "mode"));
        for (Segment s : plan.segments()) {
            String entries = s.ops() == 0 ? "(none)" : num(s.first()) + ".." + num(s.last());
            b.append(String.format(Locale.ROOT, "%4d  %-21s %10s %11s %7d %8d  %s%n", s.index(), entries,
                    num(s.ops()), num(s.edges()), s.fanIn(), s.fanOut(),
                    s.mode().name().toLowerCase(Locale.ROOT)));
        }
        b.append("operations, in order:\n");
        List<String> ops = operations(plan);
        for (int k = 0; k < ops.size(); k++) {
            b.append(String.format(Locale.ROOT, "%4d. %s%n", k + 1, ops.get(k)));
        }
        long p = plan.predictedCost();
        b.append("predicted cost: ").append(num(p)).append(" multiply-adds\n");
        b.append("pure forward:   ").append(num(plan.pureForwardCost())).append(ratio(plan.pureForwardCost(), p)).append('\n');
        b.append("pure reverse:   ").append(num(plan.pureReverseCost())).append(ratio(plan.pureReverseCost(), p)).append('\n');
        return b.toString();
    }

    private static String ratio(long pure, long plan) {
        if (plan == 0) {
            return pure == 0 ? " (same as the plan)" : " (the plan costs nothing)";
        }
        return String.format(Locale.ROOT, " (%.2fx the plan)", (double) pure / plan);
    }

    static String dot(JacobianPlan plan, int maxNodes) {
        LinearizedGraph g = plan.graph();
        int drawn = Math.min(g.size(), maxNodes);
        StringBuilder b = new StringBuilder();
        b.append("digraph wengert {\n");
        b.append("  rankdir=TB;\n");
        b.append("  label=\"").append(escape(firstLine(explain(plan)))).append("\\lpredicted ")
                .append(num(plan.predictedCost())).append(", pure forward ").append(num(plan.pureForwardCost()))
                .append(", pure reverse ").append(num(plan.pureReverseCost()))
                .append("\\ltangent segments blue, adjoint segments orange\\l\";\n");
        b.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n");
        b.append("  subgraph cluster_inputs {\n    label=\"inputs\";\n    style=dashed;\n");
        for (int v = 0; v < Math.min(g.inputs(), drawn); v++) {
            b.append("    v").append(v).append(" [label=\"x").append(v).append(" = ")
                    .append(fmt(g.value(v))).append("\", shape=ellipse];\n");
        }
        b.append("  }\n");
        for (Segment s : plan.segments()) {
            if (s.first() >= drawn || s.ops() == 0) {
                continue;
            }
            String colour = s.mode() == SweepMode.TANGENT ? TANGENT_COLOUR : ADJOINT_COLOUR;
            b.append("  subgraph cluster_s").append(s.index()).append(" {\n");
            b.append("    label=\"segment ").append(s.index()).append(": ")
                    .append(s.mode().name().toLowerCase(Locale.ROOT)).append(", fan-in ").append(s.fanIn())
                    .append(", fan-out ").append(s.fanOut()).append("\";\n");
            b.append("    style=filled;\n    color=\"").append(colour).append("\";\n");
            for (int v = s.first(); v <= s.last() && v < drawn; v++) {
                b.append("    v").append(v).append(" [label=\"").append(escape(g.op(v))).append("\\n")
                        .append(fmt(g.value(v))).append('"')
                        .append(g.isActive(v) ? "" : ", fontcolor=gray").append("];\n");
            }
            b.append("  }\n");
        }
        for (int v = g.inputs(); v < drawn; v++) {
            for (int k = 0; k < g.operandCount(v); k++) {
                b.append("  v").append(g.operand(v, k)).append(" -> v").append(v).append(";\n");
            }
        }
        for (int r = 0; r < g.outputCount(); r++) {
            int o = g.output(r);
            if (o < drawn) {
                b.append("  y").append(r).append(" [label=\"y").append(r).append("\", shape=ellipse];\n");
                b.append("  v").append(o).append(" -> y").append(r).append(";\n");
            }
        }
        if (drawn < g.size()) {
            b.append("  more [shape=note, label=\"").append(num(g.size() - drawn))
                    .append(" more entries not drawn (of ").append(num(g.size())).append(")\"];\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
