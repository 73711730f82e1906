package dev.wengert.cli;

import dev.wengert.core.Differentiator;
import dev.wengert.core.VectorFunction;
import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.io.PrintWriter;
import java.util.List;

/**
 * The demo's last example: the Jacobian of the bottleneck {@link Seed#bottleneck}
 * (R<sup>64</sup> → R<sup>1</sup> → R<sup>64</sup>) from every mode, then mixed mode's plan, which
 * sweeps each half once and multiplies where either pure mode sweeps the whole function 64 times.
 */
final class DemoBottleneck {

    static final int N = 64;

    private DemoBottleneck() {
    }

    static void print(PrintWriter out, List<Differentiator> modes) {
        double[] x = Seed.bottleneckPoint(N);
        VectorFunction f = Seed::bottleneck;
        out.println();
        out.println("4. a bottleneck f: R^" + N + " -> R^" + Seed.WAIST + " -> R^" + N + ":  z = sum_j sin(x_j)*x_j / "
                + N + ",  y_i = cos((i+1)*z)*exp(-z)");
        out.println("   at x_j = 0.5 + j/" + N + "; the Jacobian is " + N + " x " + N + " (rank " + Seed.WAIST + ")");
        double[][] ref = Modes.named("fd").jacobian(f, x);
        Table t = new Table("   ", "mode", ">max rel. diff vs finite differences", ">time (median)");
        for (Differentiator d : modes) {
            double[][] j;
            try {
                j = d.jacobian(f, x);
            } catch (RuntimeException e) {
                t.row(d.name(), "failed: " + e.getMessage(), "");
                continue;
            }
            double nanos = Timing.median(() -> d.jacobian(f, x)[0][0], 150_000_000L, 5, 5_000_000L);
            t.row(d.name(), d.name().equals("finite-differences") ? "(reference)" : Fmt.sci(DiffCommand.maxRelDiff(j, ref)),
                    Fmt.time(nanos));
        }
        Recording recording = new ReverseMode().record(f, x);
        PreparedJacobian prepared = new MixedMode(Runnable::run).prepare(f, x);
        double replayReverse = Timing.median(() -> recording.jacobian(x)[0][0], 150_000_000L, 5, 5_000_000L);
        double replayMixed = Timing.median(() -> prepared.jacobian(x)[0][0], 150_000_000L, 5, 5_000_000L);
        t.row("reverse, replayed", Fmt.sci(DiffCommand.maxRelDiff(recording.jacobian(x), ref)), Fmt.time(replayReverse));
        t.row("mixed, prepared (one thread)", Fmt.sci(DiffCommand.maxRelDiff(prepared.jacobian(x), ref)), Fmt.time(replayMixed));
        out.print(t.render());
        out.println("   (a plain call records, and mixed mode also plans, every time; 'replayed' and 'prepared'");
        out.println("   record and plan once, then only sweep: ReverseMode.record(f, x), MixedMode.prepare(f, x))");
        JacobianPlan plan = new MixedMode().plan(f, x);
        out.println();
        out.println("   mixed mode's plan (wengert plan shows it for any expression):");
        for (String line : plan.explain().split("\n")) {
            out.println("   " + line);
        }
        long best = Math.min(plan.pureForwardCost(), plan.pureReverseCost());
        out.println(String.format(java.util.Locale.ROOT, "   the plan costs %.1f%% of the cheaper pure mode",
                100.0 * plan.predictedCost() / best));
    }
}
