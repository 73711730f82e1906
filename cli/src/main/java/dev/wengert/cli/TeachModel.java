package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;

/**
 * Everything the page of {@code wengert teach} shows, as one JSON object, computed in Java from
 * one reverse-ad recording — the same recording {@code trace} prints — so the page only displays
 * and steps. It holds:
 *
 * <ul>
 *   <li>{@code entries}: the Wengert list, entry i with its step text ({@code v3 = v0 * v1}),
 *       value, operands, local partials ∂vᵢ/∂vⱼ and role, and whether the graph draws it (a constant
 *       nothing uses, such as the evaluator's zero, is listed but not drawn);</li>
 *   <li>{@code tangents}: the recording's tangent sweep ({@link Recording#tangents}) along each
 *       input's unit direction eⱼ, one column per input, so that the tangent along the reader's
 *       seed ẋ is the linear combination Σⱼ ẋⱼ·tan⁽ʲ⁾ (terms with ẋⱼ = 0 left out, so the default
 *       seed shows the recording's own column); for more than {@link #MAX_TANGENT_NUMBERS}
 *       numbers, only the sweep along the given seed, and the page keeps that seed;</li>
 *   <li>{@code adjoints}: for each output k, the recording's adjoint sweep of eₖ
 *       ({@link Recording#adjoints}) and, per entry i in sweep order, the updates
 *       adj(vⱼ) += ∂vᵢ/∂vⱼ · adj(vᵢ) it makes: the partial, the contribution and the operand's
 *       adjoint so far, accumulated in the sweep's order (last entry first; a zero adjoint
 *       contributes nothing), so the page can show the running sums as the sweep reaches them;</li>
 *   <li>{@code layout}: the drawing's coordinates ({@link TeachLayout}), for up to {@link #MAX_DRAWN}
 *       drawn entries; beyond that a message says why there is no drawing;</li>
 *   <li>{@code plan}: with several outputs, mixed mode's plan ({@link TeachPlan}).</li>
 * </ul>
 */
final class TeachModel {

    /** The most drawn entries the graph shows; a larger graph is not drawn, only listed. */
    static final int MAX_DRAWN = 200;

    /** The most entries a page holds at all. */
    static final int MAX_ENTRIES = 2000;

    /** The most tangent numbers (entries × inputs) embedded for the reader's own seed. */
    static final long MAX_TANGENT_NUMBERS = 400_000;

    private TeachModel() {
    }

    /**
     * @param e the expression
     * @param text the expression as the user typed it, for the title
     * @param pointText the point as text ({@code x = 2, y = 3})
     * @param x the point
     * @param seed the initial seed direction, one component per input
     * @param output the initial output whose adjoints are swept
     * @return the page's data as JSON
     */
    static String json(Expression e, String text, String pointText, double[] x, double[] seed, int output) {
        Recording rec = new ReverseMode().record(e, x);
        TapeView view = rec.view();
        int size = view.size();
        if (size > MAX_ENTRIES) {
            throw new UserError("teach shows recordings of up to " + MAX_ENTRIES + " entries; this one has " + size
                    + ": try a smaller instance, or 'wengert trace' for the list as text");
        }
        boolean[] drawn = drawn(view);
        int drawnCount = 0;
        for (boolean d : drawn) {
            drawnCount += d ? 1 : 0;
        }
        StringBuilder b = new StringBuilder("{\n");
        b.append("\"title\":").append(Fmt.json(text)).append(",\n");
        b.append("\"point\":").append(Fmt.json(pointText)).append(",\n");
        b.append("\"variables\":[");
        for (int j = 0; j < e.variables().size(); j++) {
            b.append(j == 0 ? "" : ",").append(Fmt.json(e.variables().get(j)));
        }
        b.append("],\n\"outputs\":[");
        for (int k = 0; k < view.outputCount(); k++) {
            b.append(k == 0 ? "" : ",").append(view.outputIndex(k));
        }
        b.append("],\n\"seed\":").append(array(seed)).append(",\n\"output\":").append(output).append(",\n");
        entries(b, view, e, drawn);
        tangents(b, rec, view, seed);
        adjoints(b, rec, view);
        if (drawnCount <= MAX_DRAWN) {
            b.append("\"layout\":").append(TeachDrawing.json(view, e, drawn)).append(",\n");
            b.append("\"message\":null,\n");
        } else {
            b.append("\"layout\":null,\n\"message\":").append(Fmt.json("This recording has " + drawnCount
                    + " entries to draw; the graph is drawn for up to " + MAX_DRAWN
                    + ", since a larger drawing cannot be read. The Wengert list and every sweep still step below;"
                    + " a smaller instance of the same function shows the graph.")).append(",\n");
        }
        b.append("\"plan\":").append(e.outputs() > 1 ? TeachPlan.json(e, x, view) : "null").append("\n}");
        // the JSON sits inside a <script> element: no '<' may end it early
        return b.toString().replace("<", "\\u003c");
    }

    /** @return per entry, whether the graph draws it: all but the constants nothing uses */
    static boolean[] drawn(TapeView view) {
        boolean[] used = new boolean[view.size()];
        for (int i = 0; i < view.size(); i++) {
            for (int k = 0; k < view.arity(i); k++) {
                used[view.operand(i, k)] = true;
            }
        }
        boolean[] drawn = new boolean[view.size()];
        for (int i = 0; i < view.size(); i++) {
            drawn[i] = !(view.isConstant(i) && !used[i] && !view.isOutput(i));
        }
        return drawn;
    }

    private static void entries(StringBuilder b, TapeView view, Expression e, boolean[] drawn) {
        b.append("\"entries\":[\n");
        for (int i = 0; i < view.size(); i++) {
            b.append(i == 0 ? "" : ",\n").append("{\"text\":").append(Fmt.json(step(view, e, i)))
                    .append(",\"value\":").append(Fmt.json(view.value(i)))
                    .append(",\"input\":").append(view.isInput(i) ? view.inputNumber(i) : -1)
                    .append(",\"constant\":").append(view.isConstant(i))
                    .append(",\"drawn\":").append(drawn[i])
                    .append(",\"role\":").append(Fmt.json(TraceCommand.role(view, e, i)))
                    .append(",\"operands\":[");
            for (int k = 0; k < view.arity(i); k++) {
                b.append(k == 0 ? "" : ",").append(view.operand(i, k));
            }
            b.append("],\"partials\":[");
            for (int k = 0; k < view.arity(i); k++) {
                b.append(k == 0 ? "" : ",").append(Fmt.json(view.partial(i, k)));
            }
            b.append("]}");
        }
        b.append("\n],\n");
    }

    /**
     * @param view the tape
     * @param e the expression, for input names
     * @param i an entry
     * @return its step of the Wengert list, inputs by name: {@code v0 = x}, {@code v3 = v0 * v1}
     */
    static String step(TapeView view, Expression e, int i) {
        if (view.isInput(i)) {
            return "v" + i + " = " + e.variables().get(view.inputNumber(i));
        }
        return view.format(i);
    }

    private static void tangents(StringBuilder b, Recording rec, TapeView view, double[] seed) {
        int n = view.inputCount();
        b.append("\"tangents\":");
        if ((long) n * view.size() > MAX_TANGENT_NUMBERS) {
            // too many columns to embed: the one sweep along the given seed, which the page then keeps
            b.append('[').append(array(rec.tangents(seed))).append("],\n\"seedFixed\":true,\n");
            return;
        }
        b.append("[\n");
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1;
            b.append(j == 0 ? "" : ",\n").append(array(rec.tangents(unit)));
        }
        b.append("\n],\n\"seedFixed\":false,\n");
    }

    private static void adjoints(StringBuilder b, Recording rec, TapeView view) {
        b.append("\"adjoints\":[\n");
        for (int k = 0; k < view.outputCount(); k++) {
            Sweep s = adjointSweep(rec, view, k);
            b.append(k == 0 ? "" : ",\n").append("{\"adj\":").append(array(s.adjoint())).append(",\"updates\":[");
            for (int i = 0; i < view.size(); i++) {
                b.append(i == 0 ? "" : ",").append('[');
                for (int u = 0; u < s.updates()[i].length; u += 3) {
                    b.append(u == 0 ? "" : ",").append('[').append((int) s.updates()[i][u]).append(',')
                            .append(Fmt.json(s.updates()[i][u + 1])).append(',')
                            .append(Fmt.json(s.updates()[i][u + 2])).append(']');
                }
                b.append(']');
            }
            b.append("]}");
        }
        b.append("\n],\n");
    }

    /**
     * One output's adjoint sweep as the page steps it.
     *
     * @param adjoint the recording's adjoint of every entry ({@link Recording#adjoints} of eₖ)
     * @param updates per entry i, its updates as triples (operand j, contribution ∂vᵢ/∂vⱼ·adj(vᵢ),
     *        adj(vⱼ) so far after adding it); empty where adj(vᵢ) = 0
     */
    record Sweep(double[] adjoint, double[][] updates) {
    }

    /**
     * @param rec the recording
     * @param view its tape
     * @param k the output
     * @return the adjoint sweep of output k, entry by entry, last entry first
     */
    static Sweep adjointSweep(Recording rec, TapeView view, int k) {
        double[] w = new double[view.outputCount()];
        w[k] = 1;
        double[] adj = rec.adjoints(w);
        double[] soFar = new double[view.size()];
        soFar[view.outputIndex(k)] = 1;
        double[][] updates = new double[view.size()][];
        for (int i = view.size() - 1; i >= 0; i--) {
            int arity = adj[i] == 0 ? 0 : view.arity(i);
            updates[i] = new double[3 * arity];
            for (int a = 0; a < arity; a++) {
                int j = view.operand(i, a);
                double c = view.partial(i, a) * adj[i];
                soFar[j] += c;
                updates[i][3 * a] = j;
                updates[i][3 * a + 1] = c;
                updates[i][3 * a + 2] = soFar[j];
            }
        }
        return new Sweep(adj, updates);
    }

    private static String array(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(Fmt.json(v[i]));
        }
        return b.append(']').toString();
    }
}
