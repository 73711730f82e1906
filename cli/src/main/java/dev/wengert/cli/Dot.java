package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.TapeView;

/**
 * The computational graph of a recording as Graphviz DOT: one node per tape entry (op and value,
 * and on request its tangent or adjoint), one edge per operand labelled with its local partial,
 * (numbers to 6 significant digits; {@code trace} and {@code diff} print 12), and, when a mixed-mode plan is given, each entry filled with its segment's colour (tangent
 * blue, adjoint orange) and grouped in a cluster per segment. Constants nothing uses are left
 * out. Plain loops over the entries.
 */
final class Dot {

    static final String TANGENT_COLOUR = "#cfe2ff";
    static final String ADJOINT_COLOUR = "#ffd8b0";

    private Dot() {
    }

    /** One segment of a mixed-mode plan, in tape entries (first..last inclusive). */
    record Segment(int index, int first, int last, boolean tangent, int fanIn, int fanOut) {
    }

    /**
     * @param view the tape
     * @param e the expression (for input names)
     * @param title a caption
     * @param extraName "tan" or "adj", or null
     * @param extra the tangent or adjoint of every entry, or null
     * @param segments mixed-mode segments by tape entry, or null
     * @return the DOT text
     */
    static String of(TapeView view, Expression e, String title, String extraName, double[] extra, Segment[] segments) {
        StringBuilder b = new StringBuilder("digraph wengert {\n");
        b.append("  rankdir=BT;\n");
        b.append("  label=\"").append(escape(title)).append("\";\n  labelloc=t;\n  fontname=\"Helvetica\";\n");
        b.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=10, fontcolor=\"#555555\"];\n");
        int[] segmentOf = new int[view.size()];
        java.util.Arrays.fill(segmentOf, -1);
        if (segments != null) {
            for (Segment s : segments) {
                for (int i = Math.max(0, s.first()); i <= s.last() && i < view.size(); i++) {
                    segmentOf[i] = s.index();
                }
            }
        }
        boolean[] used = new boolean[view.size()];
        for (int i = 0; i < view.size(); i++) {
            for (int k = 0; k < view.arity(i); k++) {
                used[view.operand(i, k)] = true;
            }
        }
        int open = -1;
        for (int i = 0; i < view.size(); i++) {
            if (view.isConstant(i) && !used[i] && !view.isOutput(i)) {
                continue;   // a constant nothing uses (the evaluator's zero, say) is not drawn
            }
            int s = view.isInput(i) || view.isConstant(i) ? -1 : segmentOf[i];
            if (s != open) {
                if (open >= 0) {
                    b.append("  }\n");
                }
                if (s >= 0) {
                    Segment seg = segments[s];
                    b.append("  subgraph cluster_s").append(s).append(" {\n    label=\"segment ").append(s)
                            .append(": ").append(seg.tangent() ? "tangent" : "adjoint").append(", fan-in ")
                            .append(seg.fanIn()).append(", fan-out ").append(seg.fanOut()).append("\";\n")
                            .append("    style=\"rounded,dashed\";\n");
                }
                open = s;
            }
            b.append(open >= 0 ? "    " : "  ").append(node(view, e, i, extraName, extra,
                    open >= 0 ? (segments[open].tangent() ? TANGENT_COLOUR : ADJOINT_COLOUR) : null)).append('\n');
        }
        if (open >= 0) {
            b.append("  }\n");
        }
        for (int i = 0; i < view.size(); i++) {
            for (int k = 0; k < view.arity(i); k++) {
                b.append("  v").append(view.operand(i, k)).append(" -> v").append(i)
                        .append(" [label=\"").append(Fmt.num6(view.partial(i, k))).append("\"];\n");
            }
        }
        for (int k = 0; k < view.outputCount(); k++) {
            String name = view.outputCount() == 1 ? "f" : "f" + k;
            b.append("  y").append(k).append(" [label=\"").append(name).append("\", shape=plaintext, style=\"\"];\n");
            b.append("  v").append(view.outputIndex(k)).append(" -> y").append(k).append(";\n");
        }
        if (segments != null) {
            b.append("  legend [shape=note, style=filled, fillcolor=white, label=\"blue: tangent segment\\lorange: adjoint segment\\l\"];\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static String node(TapeView view, Expression e, int i, String extraName, double[] extra, String fill) {
        StringBuilder label = new StringBuilder();
        String shape = "";
        String colour = fill;
        if (view.isInput(i)) {
            label.append(e.variables().get(view.inputNumber(i))).append(" (v").append(i).append(')');
            shape = ", shape=ellipse";
            colour = "#eeeeee";
        } else if (view.isConstant(i)) {
            label.append(Fmt.num6(view.value(i)));
            shape = ", shape=plaintext, style=\"\"";
        } else {
            label.append('v').append(i).append(" = ").append(opLabel(view, i));
        }
        if (!view.isConstant(i)) {
            label.append("\\n").append(Fmt.num6(view.value(i)));
            if (extra != null) {
                label.append("\\n").append(extraName).append(' ').append(Fmt.num6(extra[i]));
            }
        }
        return "v" + i + " [label=\"" + label.toString().replace("\"", "\\\"") + "\"" + shape
                + (colour == null ? "" : ", fillcolor=\"" + colour + "\"") + "];";
    }

    /** @return the op with its constant argument, e.g. {@code pow(·, 2)}, {@code *}, {@code sin} */
    private static String opLabel(TapeView view, int i) {
        String name = view.opName(i);
        switch (view.kind(i)) {
            case PARAMETRIC:
            case BINARY_CONSTANT:
                double p = view.parameter(i);
                return name + "(., " + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + ")";
            default:
                return name;
        }
    }

    /**
     * @param s text for a DOT string
     * @return it with backslashes and quotes escaped, line breaks as \\l
     */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\l");
    }
}
