package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.TapeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The computational graph of {@code wengert teach} as drawing coordinates: one box per drawn tape
 * entry (its step and value on one line, its tangent or adjoint on a second), one edge per operand
 * labelled with its local partial, placed by {@link TeachLayout}; the page marks each output's box
 * with its name ({@code f}, or {@code f0}, {@code f1}, …). Box sizes follow from the text they hold in the
 * page's monospaced font, whose sizes are fixed here and in the page's style sheet alike.
 */
final class TeachDrawing {

    /** Font size of the text in a box, px (the page's {@code .node text}). */
    static final double NODE_FONT = 17;
    /** Font size of an edge's partial, px (the page's {@code .elabel}). */
    static final double LABEL_FONT = 15;
    /** Width of a monospaced character relative to its font size. */
    static final double CHAR = 0.6;
    /** The longest step text a box shows before it is cut with an ellipsis. */
    static final int STEP_CHARS = 24;
    /** Characters reserved for a box's number lines ("so far -2.75349e-05"). */
    static final int NUMBER_CHARS = 19;
    /** The height of one text line in a box, px. */
    static final double LINE = 21;

    private TeachDrawing() {
    }

    /**
     * @param view the tape
     * @param e the expression (for input names)
     * @param drawn which entries to draw
     * @return {@code {"width":…, "height":…, "nodes":[…], "edges":[…]}}: nodes per entry (null where
     *         not drawn) as [x, y, w, h]; edges as {to, k, from, text, points, label:[x, y, w, h]}
     */
    static String json(TapeView view, Expression e, boolean[] drawn) {
        int size = view.size();
        int[] node = new int[size];
        Arrays.fill(node, -1);
        List<TeachLayout.Node> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (drawn[i]) {
                node[i] = nodes.size();
                // line 1: the step and its value ("v6 = v1 * v0 = 6"); line 2: the tangent or adjoint
                int chars = Math.max(NUMBER_CHARS, Math.min(STEP_CHARS + 1, TeachModel.step(view, e, i).length())
                        + 3 + Math.max(1, Fmt.num6(view.value(i)).length()));
                nodes.add(new TeachLayout.Node(chars * CHAR * NODE_FONT + 32, 2 * LINE + 10));
            }
        }
        List<TeachLayout.Edge> edges = new ArrayList<>();
        List<int[]> which = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < view.arity(i); k++) {
                String label = Fmt.num6(view.partial(i, k));
                labels.add(label);
                which.add(new int[] {i, k});
                edges.add(new TeachLayout.Edge(node[view.operand(i, k)], node[i], label,
                        label.length() * CHAR * LABEL_FONT + 8, LABEL_FONT + 5));
            }
        }
        TeachLayout.Result r = TeachLayout.layout(nodes, edges);
        StringBuilder b = new StringBuilder("{\"width\":").append(num(r.width())).append(",\"height\":")
                .append(num(r.height())).append(",\"line\":").append(num(LINE)).append(",\"labelFont\":")
                .append(num(LABEL_FONT)).append(",\"stepChars\":").append(STEP_CHARS).append(",\n\"nodes\":[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ",").append(node[i] < 0 ? "null" : box(r, nodes, node[i]));
        }
        b.append("],\n\"edges\":[");
        for (int d = 0; d < which.size(); d++) {
            TeachLayout.Edge edge = edges.get(d);
            double[] at = r.labels().get(d);
            b.append(d == 0 ? "" : ",\n").append("{\"to\":").append(which.get(d)[0]).append(",\"k\":")
                    .append(which.get(d)[1]).append(",\"from\":").append(view.operand(which.get(d)[0], which.get(d)[1]))
                    .append(",\"text\":").append(Fmt.json(labels.get(d))).append(",\"points\":")
                    .append(points(r.points().get(d))).append(",\"label\":")
                    .append(at == null ? "null" : "[" + num(at[0]) + "," + num(at[1]) + ","
                            + num(edge.labelWidth()) + "," + num(edge.labelHeight()) + "]").append('}');
        }
        return b.append("]}").toString();
    }

    private static String box(TeachLayout.Result r, List<TeachLayout.Node> nodes, int n) {
        return "[" + num(r.x()[n]) + "," + num(r.y()[n]) + "," + num(nodes.get(n).width()) + ","
                + num(nodes.get(n).height()) + "]";
    }

    private static String points(double[] p) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < p.length; i++) {
            b.append(i == 0 ? "" : ",").append(num(p[i]));
        }
        return b.append(']').toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
