package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wengert teach}: one self-contained HTML page that steps through the computational graph
 * of an expression at a point — the forward evaluation, the tangent sweep along a seed the reader
 * sets, the adjoint sweep of an output the reader picks and, with several outputs, mixed mode's
 * plan — every number from the same reverse-ad recording {@code trace} prints ({@link TeachModel}),
 * the graph laid out by Eclipse ELK ({@link TeachLayout}).
 */
@Command(name = "teach", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a self-contained HTML page (no network, no other files) that shows the computational graph "
                + "of EXPR at a point beside its Wengert list, and steps through the forward evaluation, the tangent "
                + "sweep, the adjoint sweep and, with several outputs, mixed mode's plan.",
            "Step with the buttons or the arrow keys (Home restarts); the seed and the output are chosen in the page."},
        footer = {"", "Examples:", "  wengert teach 'x*y + x^2' --at x=2,y=3 -o xy.html",
            "  wengert teach 'input x, w1, b1, w2, b2; sigmoid(w2*relu(w1*x + b1) + b2)' "
                    + "--at x=2,w1=3,b1=4,w2=1,b2=0.5 -o two-layer.html",
            "  wengert teach 's = x + y + z; sin(s); cos(s); exp(s)' --at x=1,y=2,z=3 -o plan.html", ""})
final class TeachCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionArgs args;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write the page to FILE (default: standard output).")
    Path file;

    @Option(names = "--seed", paramLabel = "dx=1,dy=0",
            description = "The tangent sweep's first seed direction (default: 1 for the first variable); "
                    + "the page can change it.")
    String seed;

    @Option(names = "--output", paramLabel = "i",
            description = "The output whose adjoint sweep the page first shows, from 0 (default: 0).")
    Integer output;

    @Override
    public Integer call() throws IOException {
        if (file != null) {
            OutputFile.check("-o", file);
        }
        Expression e = args.expression();
        double[] x = args.point();
        double[] v = Directions.seed(seed, e);
        int k = Directions.output(output, e);
        String json = TeachModel.json(e, args.text, args.pointText(x), x, v, k);
        String page = TeachPage.html("wengert teach: " + args.text, json);
        PrintWriter out = spec.commandLine().getOut();
        if (file == null) {
            out.print(page);
        } else {
            OutputFile.write("-o", file, page);
            out.println("wrote " + file + ": open it in a browser; step with the arrow keys");
        }
        out.flush();
        return 0;
    }
}
