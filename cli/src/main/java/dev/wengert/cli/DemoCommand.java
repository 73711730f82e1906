package dev.wengert.cli;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.ScalarFunction;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.util.Decimal64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The seed article's examples, differentiated by every {@link Differentiator} that
 * {@link java.util.ServiceLoader} finds, side by side with the derivatives worked out by hand.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Evaluate the seed's examples with every mode on the class path, side by side.",
            "Then the Jacobian of a bottleneck R^64 -> R^1 -> R^64, where mixed mode's plan beats both pure modes."})
final class DemoCommand implements Callable<Integer> {

    /** The demo's last line: where to watch the same examples step by step. */
    static final String TEACH = "To step through the graph and every sweep in the browser: "
            + "./wengert teach 'input x, w1, b1, w2, b2; sigmoid(w2*relu(w1*x + b1) + b2)' "
            + "--at x=2,w1=3,b1=4,w2=1,b2=0.5 -o two-layer.html";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Differentiator> modes = Differentiators.available();
        out.println("Wengert demo: the seed examples, differentiated by every mode on the class path");
        out.print("modes:");
        for (Differentiator d : modes) {
            out.print(" " + d.name());
        }
        out.println();

        example(out, modes, "1. c = a * b", new String[] {"a", "b"}, new double[] {3, 4},
                Seed::product, new double[] {4, 3}, "dc/da = b = 4, dc/db = a = 3");

        example(out, modes, "2. z = x*y + x^2   (nodes: *, square, +)", new String[] {"x", "y"}, new double[] {2, 3},
                Seed::xyPlusXSquared, new double[] {7, 2}, "dz/dx = y + 2x = 7, dz/dy = x = 2");

        double e = Math.exp(-10.5);
        double s1 = e / ((1 + e) * (1 + e));
        double value = example(out, modes, "3. two-layer network: a2 = sigmoid(w2*relu(w1*x + b1) + b2)",
                new String[] {"x", "w1", "b1", "w2", "b2"}, new double[] {2, 3, 4, 1, 0.5},
                Seed::twoLayer, new double[] {3 * s1, 2 * s1, s1, 10 * s1, s1},
                "gradient = s'*(3, 2, 1, 10, 1) with s' = sigmoid(10.5)*(1 - sigmoid(10.5)) = " + s1);
        out.println("   The article prints 0.9999724626541138: that is TensorFlow's float32 result;");
        out.println("   (double) (float) " + value + " = " + (double) (float) value
                + ", the same value rounded to float32.");
        DemoBottleneck.print(out, modes);
        out.println();
        out.println(TEACH);
        out.flush();
        return 0;
    }

    private static double example(PrintWriter out, List<Differentiator> modes, String title, String[] names,
                                  double[] x, ScalarFunction f, double[] exact, String exactText) {
        out.println();
        out.println(title);
        StringBuilder at = new StringBuilder("   at ");
        for (int j = 0; j < names.length; j++) {
            at.append(j == 0 ? "" : ", ").append(names[j]).append(" = ").append(x[j]);
        }
        out.println(at);
        Decimal64[] args = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            args[j] = new Decimal64(x[j]);
        }
        double value = f.value(args).getReal();
        out.println("   value = " + value);
        out.println("   by hand: " + exactText);
        StringBuilder header = new StringBuilder(String.format("   %-20s", "mode"));
        for (String name : names) {
            header.append(String.format(" %24s", "d/d" + name));
        }
        header.append(String.format(" %14s", "max rel. err"));
        out.println(header);
        row(out, "exact (by hand)", exact, exact);
        for (Differentiator d : modes) {
            double[] g;
            try {
                g = d.gradient(f, x);
            } catch (RuntimeException e) {
                out.println(String.format("   %-20s failed: %s", d.name(), e.getMessage()));
                continue;
            }
            row(out, d.name(), g, exact);
        }
        return value;
    }

    private static void row(PrintWriter out, String mode, double[] g, double[] exact) {
        StringBuilder line = new StringBuilder(String.format("   %-20s", mode));
        double worst = 0;
        for (int j = 0; j < g.length; j++) {
            line.append(String.format(" %24s", g[j]));
            double scale = Math.max(Math.abs(exact[j]), Math.abs(g[j]));
            worst = Math.max(worst, scale == 0 ? 0 : Math.abs(g[j] - exact[j]) / scale);
        }
        line.append(String.format(" %14.1e", worst));
        out.println(line);
    }
}
