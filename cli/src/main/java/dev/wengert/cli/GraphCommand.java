package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wengert graph}: the computational graph of an expression at a point, from its reverse-ad
 * recording, as DOT, or as SVG/PNG through Graphviz.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw the computational graph of EXPR at a point: one node per recorded operation with its "
                + "value, one edge per operand labelled with its local partial derivative.",
            "With several outputs, the nodes are grouped and coloured by the mixed-mode plan's segments "
                    + "(tangent blue, adjoint orange).",
            "svg and png are rendered by Graphviz 'dot' (package graphviz); without it they exit with code 2 "
                    + "and a message, and --format dot still works."},
        footer = {"", "Examples:", "  wengert graph 'x*y + x^2' --at x=2,y=3",
            "  wengert graph 'x*y + x^2' --at x=2,y=3 --show adjoints \\",
            "      --format svg -o graph.svg",
            "  wengert graph 'x*y + x^2' --at x=2,y=3 | dot -Tpng > graph.png", ""})
final class GraphCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { dot, svg, png }

    /** What to show besides values. */
    enum Show { values, tangents, adjoints }

    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionArgs args;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "dot",
            description = "dot, svg or png (default: ${DEFAULT-VALUE}; svg and png need Graphviz).")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output (required for png).")
    Path file;

    @Option(names = "--show", paramLabel = "WHAT", defaultValue = "values",
            description = "values, tangents (along --seed) or adjoints (of --output); default: ${DEFAULT-VALUE}.")
    Show show;

    @Option(names = "--seed", paramLabel = "dx=1,dy=0",
            description = "With --show tangents: the seed direction (default: 1 for the first variable).")
    String seed;

    @Option(names = "--output", paramLabel = "i",
            description = "With --show adjoints: the output whose adjoints to show, from 0 (default: 0).")
    Integer output;

    @Override
    public Integer call() throws IOException {
        Expression e = args.expression();
        double[] x = args.point();
        if (seed != null && show != Show.tangents) {
            throw new UserError("--seed goes with --show tangents");
        }
        if (output != null && show != Show.adjoints) {
            throw new UserError("--output goes with --show adjoints");
        }
        if (format == Format.png && file == null) {
            throw new UserError("--format png writes a binary image: give a file with -o FILE");
        }
        if (file != null) {
            OutputFile.check("-o", file);
        }
        double[] v = show == Show.tangents ? Directions.seed(seed, e) : null;
        int k = show == Show.adjoints ? Directions.output(output, e) : -1;
        Recording rec = new ReverseMode().record(e, x);
        TapeView view = rec.view();
        String title = args.text + "  at " + args.pointText(x);
        double[] extra = null;
        String extraName = null;
        if (show == Show.tangents) {
            extra = rec.tangents(v);
            extraName = "tan";
            title += "\ntangents along " + Directions.text(v, e);
        } else if (show == Show.adjoints) {
            double[] w = new double[e.outputs()];
            w[k] = 1;
            extra = rec.adjoints(w);
            extraName = "adj";
            title += "\nadjoints of output " + k;
        }
        Dot.Segment[] segments = e.outputs() > 1 ? PlanSegments.of(e, x, view) : null;
        String dot = Dot.of(view, e, title + "\n", extraName, extra, segments);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.dot) {
            if (file == null) {
                out.print(dot);
            } else {
                OutputFile.write("-o", file, dot);
                out.println("wrote " + file);
            }
        } else if (file != null) {
            Graphviz.render(dot, format.name(), file);
            out.println("wrote " + file);
        } else {
            Path tmp = Files.createTempFile("wengert", "." + format);
            try {
                Graphviz.render(dot, format.name(), tmp);
                out.print(Files.readString(tmp, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        out.flush();
        return 0;
    }
}
