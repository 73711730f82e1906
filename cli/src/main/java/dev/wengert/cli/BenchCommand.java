package dev.wengert.cli;

import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wengert bench}: a short in-process benchmark. For each problem and mode: a warm-up, then
 * the median of repeated samples; printed as ratios to the plain {@code double} function and to
 * commons-math3 {@code DerivativeStructure}. Progress goes to stderr. JMH figures, with forks and
 * error bars, are {@code benchmarks/}'s.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A short in-process benchmark of every mode on the extended Rosenbrock function (n = 100, "
                + "gradient), the seed's two-layer network (gradient) and a bottleneck R^64 -> R^1 -> R^64 (Jacobian).",
            "Each time is the median of repeated samples after a warm-up, printed with its ratio to the plain "
                    + "double function and to commons-math3 DerivativeStructure (ds). Progress goes to stderr.",
            "For JMH figures (forks, error bars) see benchmarks/README.md and run benchmarks/run.sh."},
        footer = {"", "Example:", "  wengert bench --quick", ""})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Shorter warm-up and fewer samples (about 2 s in all); rougher figures.")
    boolean quick;

    /** A problem: its generic derivative task and the plain double function it is compared with. */
    private record Problem(String title, double[] x, Task task, Timing.Work plain, List<Extra> extras) {
    }

    /** A further row: a mode with its recording or plan made once, timed sweeping only. */
    private record Extra(String name, java.util.function.Supplier<Timing.Work> prepare) {
    }

    /** The derivative a mode computes for a problem. */
    private interface Task {
        double run(Differentiator d);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long warmup = quick ? 30_000_000L : 300_000_000L;
        int samples = quick ? 3 : 9;
        long sample = quick ? 5_000_000L : 20_000_000L;
        List<Modes.Mode> modes = Modes.parse("all");
        List<Problem> problems = problems();
        out.println("wengert bench" + (quick ? " --quick" : "") + ": in-process, median of " + samples
                + " samples after a " + (warmup / 1_000_000) + " ms warm-up; " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));
        out.println("ratios: time / plain double time, and time / commons-math3 DerivativeStructure (ds) time");
        int total = 0;
        for (Problem p : problems) {
            total += modes.size() + 1 + p.extras().size();
        }
        int done = 0;
        for (Problem p : problems) {
            err.println("bench: [" + (++done) + "/" + total + "] " + p.title() + ": plain double");
            err.flush();
            double plain = Timing.median(p.plain(), warmup, samples, sample);
            List<double[]> times = new ArrayList<>();
            double ds = Double.NaN;
            for (Modes.Mode m : modes) {
                err.println("bench: [" + (++done) + "/" + total + "] " + p.title() + ": " + m.key());
                err.flush();
                Differentiator d = m.differentiator();
                double t = Timing.median(() -> p.task().run(d), warmup, samples, sample);
                times.add(new double[] {t});
                if (m.key().equals("ds")) {
                    ds = t;
                }
            }
            List<Double> extraTimes = new ArrayList<>();
            for (Extra x : p.extras()) {
                err.println("bench: [" + (++done) + "/" + total + "] " + p.title() + ": " + x.name());
                err.flush();
                extraTimes.add(Timing.median(x.prepare().get(), warmup, samples, sample));
            }
            out.println();
            out.println(p.title());
            Table table = new Table("  ", "mode", ">time", ">x plain double", ">x ds");
            table.row("plain double", Fmt.time(plain), "1", "");
            for (int k = 0; k < modes.size(); k++) {
                double t = times.get(k)[0];
                table.row(modes.get(k).key(), Fmt.time(t), ratio(t / plain), ratio(t / ds));
            }
            for (int k = 0; k < p.extras().size(); k++) {
                double t = extraTimes.get(k);
                table.row(p.extras().get(k).name(), Fmt.time(t), ratio(t / plain), ratio(t / ds));
            }
            out.print(table.render());
        }
        out.println();
        out.println("reverse, replayed: recorded once, then ReverseMode's Recording swept at the point (no recording per call);");
        out.println("mixed, prepared: MixedMode(Runnable::run).prepare(f, x) once (record, plan), then the plan executed on this thread.");
        out.println("JMH figures (forks, error bars, more sizes): benchmarks/README.md; run benchmarks/run.sh");
        out.flush();
        return 0;
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : r >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", r)
                : String.format(java.util.Locale.ROOT, "%.2f", r);
    }

    private static Extra replayedGradient(ScalarFunction f, double[] x) {
        return new Extra("reverse, replayed", () -> {
            Recording rec = new ReverseMode().record(f, x);
            return () -> rec.gradient(x)[0];
        });
    }

    private static List<Problem> problems() {
        List<Problem> list = new ArrayList<>();
        double[] r = new double[100];
        for (int j = 0; j < r.length; j++) {
            r[j] = j % 2 == 0 ? -1.2 : 1;
        }
        ScalarFunction rosenbrock = Seed::rosenbrock;
        list.add(new Problem("extended Rosenbrock, n = 100: gradient", r,
                d -> d.gradient(rosenbrock, r)[0], () -> Seed.rosenbrock(r),
                List.of(replayedGradient(rosenbrock, r))));
        double[] net = {2, 3, 4, 1, 0.5};
        ScalarFunction twoLayer = Seed::twoLayer;
        list.add(new Problem("two-layer network sigmoid(w2*relu(w1*x + b1) + b2), n = 5: gradient", net,
                d -> d.gradient(twoLayer, net)[0], () -> Seed.twoLayer(net),
                List.of(replayedGradient(twoLayer, net))));
        double[] b = Seed.bottleneckPoint(64);
        VectorFunction bottleneck = Seed::bottleneck;
        list.add(new Problem("bottleneck R^64 -> R^1 -> R^64: Jacobian", b,
                d -> d.jacobian(bottleneck, b)[0][0], () -> Seed.bottleneck(b)[0],
                List.of(new Extra("reverse, replayed", () -> {
                    Recording rec = new ReverseMode().record(bottleneck, b);
                    return () -> rec.jacobian(b)[0][0];
                }), new Extra("mixed, prepared", () -> {
                    PreparedJacobian prepared = new MixedMode(Runnable::run).prepare(bottleneck, b);
                    return () -> prepared.jacobian(b)[0][0];
                }))));
        return list;
    }
}
