package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wengert trace}: the Wengert list of an expression at a point, as Griewank &amp; Walther
 * print it — the evaluation procedure vᵢ = φ(vⱼ, vₖ) with values, then the tangent sweep
 * (forward, in evaluation order) or the adjoint sweep (reverse, last entry first), each entry with
 * the local partials that formed it. Everything comes from one reverse-ad recording: its
 * {@link TapeView} and its {@link Recording#tangents}/{@link Recording#adjoints} columns.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the Wengert list of EXPR at a point, then its tangent sweep (--mode forward) "
                + "or adjoint sweep (--mode reverse), step by step.",
            "tan(vi) is the tangent of entry vi along the seed direction; adj(vi) its adjoint, the derivative "
                    + "of the chosen output with respect to vi."},
        footer = {"", "Examples:", "  wengert trace 'x*y + x^2' --at x=2,y=3 --mode forward --seed dx=1,dy=0",
            "  wengert trace 'x*y + x^2' --at x=2,y=3 --mode reverse",
            "  wengert trace 'x*y; sin(x)' --at x=1,y=2 --mode reverse --output 1", ""})
final class TraceCommand implements Callable<Integer> {

    /** The sweep to show. */
    enum Mode { forward, reverse }

    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionArgs args;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "reverse",
            description = "forward (tangent sweep) or reverse (adjoint sweep); default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--seed", paramLabel = "dx=1,dy=0",
            description = "Forward only: the seed direction; unnamed variables get 0 (default: 1 for the first variable).")
    String seed;

    @Option(names = "--output", paramLabel = "i",
            description = "Reverse only: the output whose adjoints to sweep, counted from 0 (default: 0).")
    Integer output;

    @Override
    public Integer call() {
        Expression e = args.expression();
        double[] x = args.point();
        if (mode == Mode.forward && output != null) {
            throw new UserError("--output chooses the output for --mode reverse; --mode forward takes --seed");
        }
        if (mode == Mode.reverse && seed != null) {
            throw new UserError("--seed chooses the direction for --mode forward; --mode reverse takes --output");
        }
        double[] v = mode == Mode.forward ? Directions.seed(seed, e) : null;
        int k = mode == Mode.reverse ? Directions.output(output, e) : -1;
        Recording rec = new ReverseMode().record(e, x);
        TapeView view = rec.view();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wengert list of " + args.text + "  at " + args.pointText(x) + " (" + view.size() + " entries)");
        out.print(wengertList(view, e).render());
        out.println();
        if (mode == Mode.forward) {
            double[] tan = rec.tangents(v);
            out.println("tangent sweep along " + Directions.text(v, e) + ", in sweep order (first entry first)");
            out.print(tangentTable(view, tan, e).render());
            out.println();
            for (int o = 0; o < view.outputCount(); o++) {
                out.println("directional derivative: " + outName(e, o) + " = " + Fmt.num(tan[view.outputIndex(o)])
                        + "  (tan(v" + view.outputIndex(o) + "))");
            }
        } else {
            double[] w = new double[e.outputs()];
            w[k] = 1;
            double[] adj = rec.adjoints(w);
            out.println("adjoint sweep of output " + k + " (v" + view.outputIndex(k) + "), in sweep order (last entry first)");
            out.print(adjointTable(view, adj).render());
            out.println();
            StringBuilder g = new StringBuilder("gradient of " + (e.outputs() == 1 ? "f" : "f" + k) + ": ");
            for (int j = 0; j < view.inputCount(); j++) {
                String name = e.variables().get(j);
                g.append(j == 0 ? "" : ", ").append("d/d").append(name).append(" = ")
                        .append(Fmt.num(adj[view.inputIndex(j)]));
            }
            out.println(g);
        }
        out.flush();
        return 0;
    }

    private static String outName(Expression e, int k) {
        return e.outputs() == 1 ? "df" : "df" + k;
    }

    /** The evaluation procedure: entry, step, value, local partials, role. */
    static Table wengertList(TapeView view, Expression e) {
        Table t = new Table("  ", "step", ">value", "local partials", "");
        for (int i = 0; i < view.size(); i++) {
            t.row(view.format(i), Fmt.num(view.value(i)), partials(view, i), role(view, e, i));
        }
        return t;
    }

    private static String partials(TapeView view, int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < view.arity(i); k++) {
            b.append(k == 0 ? "" : ", ").append("d/dv").append(view.operand(i, k)).append(" = ")
                    .append(Fmt.num(view.partial(i, k)));
        }
        return b.toString();
    }

    static String role(TapeView view, Expression e, int i) {
        StringBuilder b = new StringBuilder();
        if (view.isInput(i)) {
            b.append("input ").append(e.variables().get(view.inputNumber(i)));
        }
        for (int k = 0; k < view.outputCount(); k++) {
            if (view.outputIndex(k) == i) {
                b.append(b.length() == 0 ? "" : ", ").append(e.outputs() == 1 ? "output" : "output " + k);
            }
        }
        return b.toString();
    }

    private static Table tangentTable(TapeView view, double[] tan, Expression e) {
        Table t = new Table("  ", "tangent", ">value");
        for (int i = 0; i < view.size(); i++) {
            String rule;
            if (view.isInput(i)) {
                rule = "tan(v" + i + ") = d" + e.variables().get(view.inputNumber(i)) + " (seed)";
            } else if (view.arity(i) == 0) {
                rule = "tan(v" + i + ") = 0 (constant)";
            } else {
                StringBuilder b = new StringBuilder("tan(v" + i + ") = ");
                for (int k = 0; k < view.arity(i); k++) {
                    b.append(k == 0 ? "" : " + ").append(Fmt.num(view.partial(i, k))).append(" * tan(v")
                            .append(view.operand(i, k)).append(')');
                }
                rule = b.toString();
            }
            t.row(rule, Fmt.num(tan[i]));
        }
        return t;
    }

    private static Table adjointTable(TapeView view, double[] adj) {
        Table t = new Table("  ", "adjoint", ">value", "propagates to its operands");
        for (int i = view.size() - 1; i >= 0; i--) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < view.arity(i); k++) {
                b.append(k == 0 ? "" : ", ").append("adj(v").append(view.operand(i, k)).append(") += ")
                        .append(Fmt.num(view.partial(i, k))).append(" * adj(v").append(i).append(')');
            }
            t.row("adj(v" + i + ")", Fmt.num(adj[i]), b.toString());
        }
        return t;
    }
}
